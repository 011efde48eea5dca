// The MetadataStore module; see DESIGN.md.
