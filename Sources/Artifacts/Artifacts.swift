// The Artifacts module; see DESIGN.md.
