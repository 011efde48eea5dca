// The GraphQL module; see DESIGN.md.
