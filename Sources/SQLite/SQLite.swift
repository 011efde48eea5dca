// The SQLite module; see DESIGN.md.
