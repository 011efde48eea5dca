/// The GraphQL explorer served at `GET /graphiql`: one self-contained HTML page (inline CSS
/// and JavaScript, no external assets or CDN, so it works offline and under a strict
/// Content-Security-Policy of `default-src 'self' 'unsafe-inline'`).
///
/// What it offers, like GraphiQL's essentials:
/// - a query editor (Ctrl+Enter or Cmd+Enter runs; Tab inserts two spaces) and a variables
///   editor (JSON), both kept in `localStorage`;
/// - a token field kept in `localStorage`, sent as `Authorization: Bearer <token>`;
/// - the result as indented JSON, with the HTTP status and the time taken;
/// - a schema browser built from an introspection query sent to the same endpoint with
///   the same token: root types first, a filter, and type names that link to their types;
/// - links that fill the fields from the URL fragment (`#token=...&query=...&run=1`), which
///   browsers never send to the server, so a shared link or a headless screenshot runs a
///   query without the token reaching any log.
///
/// The page posts `{query, variables}` as JSON to `graphql` relative to its own address,
/// which is `/graphql` when it is served at `/graphiql` (and keeps working behind a reverse
/// proxy that adds a path prefix). Everything from the server is inserted as text, never
/// as HTML.
enum ExplorerPage {
  /// The page, UTF-8 HTML.
  static let html: String = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>dbt-metadata explorer</title>
    <style>
      :root { --fg: #1d2330; --muted: #667085; --line: #d0d5dd; --accent: #ff694a; --bg: #f8f9fb; }
      * { box-sizing: border-box; }
      body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg);
             background: var(--bg); height: 100vh; display: flex; flex-direction: column; }
      header { display: flex; gap: 12px; align-items: center; padding: 8px 12px; background: #fff;
               border-bottom: 1px solid var(--line); }
      header h1 { font-size: 16px; margin: 0 12px 0 0; white-space: nowrap; }
      header label { color: var(--muted); }
      #token { flex: 1; max-width: 480px; font: 13px ui-monospace, monospace; padding: 5px 8px;
               border: 1px solid var(--line); border-radius: 4px; }
      button { font: inherit; padding: 5px 14px; border-radius: 4px; border: 1px solid var(--line);
               background: #fff; cursor: pointer; }
      button.primary { background: var(--accent); border-color: var(--accent); color: #fff; font-weight: 600; }
      main { flex: 1; display: grid; grid-template-columns: 1fr 1fr 320px; min-height: 0; }
      section { display: flex; flex-direction: column; min-height: 0; border-right: 1px solid var(--line); }
      .pane-title { padding: 6px 10px; font-size: 12px; text-transform: uppercase; letter-spacing: .04em;
                    color: var(--muted); background: #fff; border-bottom: 1px solid var(--line);
                    display: flex; justify-content: space-between; }
      textarea { flex: 1; resize: none; border: 0; padding: 10px; font: 13px/1.5 ui-monospace, monospace;
                 outline: none; background: #fff; tab-size: 2; }
      #variables { flex: 0 0 28%; border-top: 1px solid var(--line); }
      #result { flex: 1; margin: 0; padding: 10px; overflow: auto; font: 13px/1.5 ui-monospace, monospace;
                white-space: pre-wrap; word-break: break-word; background: #fcfcfd; }
      #result.error { color: #b42318; }
      #schema { flex: 1; overflow: auto; padding: 8px 10px; }
      #filter { margin: 8px 10px 0; padding: 4px 8px; border: 1px solid var(--line); border-radius: 4px; }
      .type-link { color: #175cd3; cursor: pointer; text-decoration: none; }
      .type-link:hover { text-decoration: underline; }
      .kind { color: var(--muted); font-size: 11px; margin-left: 4px; }
      .field { margin: 6px 0; font: 12.5px/1.45 ui-monospace, monospace; }
      .desc { color: var(--muted); font: 12px/1.4 system-ui, sans-serif; margin: 2px 0 0 12px; }
      .deprecated { text-decoration: line-through; }
      ul.types { list-style: none; padding: 0; margin: 0; }
      ul.types li { padding: 2px 0; }
      .status { color: var(--muted); font-size: 12px; }
    </style>
    </head>
    <body>
    <header>
      <h1>dbt-metadata explorer</h1>
      <label for="token">Token</label>
      <input id="token" type="password" autocomplete="off" placeholder="service token (kept in this browser)">
      <button id="run" class="primary" title="Run (Ctrl+Enter)">Run ▶</button>
      <button id="load-schema" title="Fetch the schema by introspection">Load schema</button>
      <span id="status" class="status"></span>
    </header>
    <main>
      <section>
        <div class="pane-title"><span>Query</span><span>Ctrl+Enter runs</span></div>
        <textarea id="query" spellcheck="false"></textarea>
        <div class="pane-title"><span>Variables (JSON)</span></div>
        <textarea id="variables" spellcheck="false"></textarea>
      </section>
      <section>
        <div class="pane-title"><span>Result</span></div>
        <pre id="result"></pre>
      </section>
      <section>
        <div class="pane-title"><span>Schema</span><span><a id="schema-home" class="type-link">types</a></span></div>
        <input id="filter" placeholder="filter types">
        <div id="schema"><p class="status">Enter a token, then "Load schema".</p></div>
      </section>
    </main>
    <script>
    "use strict";
    const endpoint = new URL("graphql", window.location.href).toString();
    const $ = (id) => document.getElementById(id);
    const store = {
      get: (key, fallback) => { try { return localStorage.getItem("dbt-metadata." + key) ?? fallback; } catch (e) { return fallback; } },
      set: (key, value) => { try { localStorage.setItem("dbt-metadata." + key, value); } catch (e) {} },
    };
    const defaultQuery = "# Ctrl+Enter runs the query.\nquery Models($environmentId: BigInt!) {\n  environment(id: $environmentId) {\n    applied {\n      models(first: 5) {\n        edges { node { name uniqueId executionInfo { lastRunStatus } } }\n      }\n    }\n  }\n}\n";
    $("token").value = store.get("token", "");
    $("query").value = store.get("query", defaultQuery);
    $("variables").value = store.get("variables", "{\n  \"environmentId\": 1\n}");
    for (const id of ["token", "query", "variables"]) {
      $(id).addEventListener("input", () => store.set(id, $(id).value));
    }

    async function post(query, variables) {
      const headers = { "Content-Type": "application/json",
                        "Accept": "application/graphql-response+json, application/json" };
      const token = $("token").value.trim();
      if (token) headers["Authorization"] = "Bearer " + token;
      const started = performance.now();
      const response = await fetch(endpoint, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
      const text = await response.text();
      let json = null;
      try { json = JSON.parse(text); } catch (e) {}
      return { status: response.status, json, text, ms: Math.round(performance.now() - started) };
    }

    async function run() {
      let variables = null;
      const variablesText = $("variables").value.trim();
      if (variablesText) {
        try { variables = JSON.parse(variablesText); }
        catch (e) { show("Variables are not valid JSON: " + e.message, true); return; }
      }
      $("status").textContent = "running…";
      try {
        const result = await post($("query").value, variables);
        $("status").textContent = "HTTP " + result.status + " · " + result.ms + " ms";
        show(result.json ? JSON.stringify(result.json, null, 2) : result.text,
             result.status >= 400 || !result.json || !!(result.json.errors && !result.json.data));
      } catch (e) {
        $("status").textContent = "";
        show("Request failed: " + e.message, true);
      }
    }

    function show(text, isError) {
      $("result").textContent = text;
      $("result").className = isError ? "error" : "";
    }

    $("run").addEventListener("click", run);
    document.addEventListener("keydown", (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === "Enter") { event.preventDefault(); run(); }
    });
    for (const id of ["query", "variables"]) {
      $(id).addEventListener("keydown", (event) => {
        if (event.key !== "Tab" || event.shiftKey) return;
        event.preventDefault();
        const area = event.target, start = area.selectionStart;
        area.setRangeText("  ", start, area.selectionEnd, "end");
        store.set(id, area.value);
      });
    }

    // Schema browser ------------------------------------------------------------------
    const typeRef = "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }";
    const introspection = "query ExplorerIntrospection { __schema { queryType { name } mutationType { name } " +
      "types { kind name description " +
      "fields(includeDeprecated: true) { name description isDeprecated deprecationReason args { name description defaultValue type { " + typeRef + " } } type { " + typeRef + " } } " +
      "inputFields { name description defaultValue type { " + typeRef + " } } " +
      "interfaces { name } enumValues(includeDeprecated: true) { name description isDeprecated } possibleTypes { name } } } }";
    let schema = null;

    async function loadSchema() {
      $("schema").replaceChildren(note("Loading…"));
      try {
        const result = await post(introspection, null);
        if (!result.json || !result.json.data || !result.json.data.__schema) {
          const message = result.json && result.json.errors ? result.json.errors.map((e) => e.message).join("; ") : result.text;
          $("schema").replaceChildren(note("HTTP " + result.status + ": " + message));
          return;
        }
        schema = result.json.data.__schema;
        schema.byName = new Map(schema.types.map((t) => [t.name, t]));
        showTypeList();
      } catch (e) {
        $("schema").replaceChildren(note("Request failed: " + e.message));
      }
    }

    function note(text) { const p = document.createElement("p"); p.className = "status"; p.textContent = text; return p; }
    function el(tag, className, text) {
      const node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    }
    function typeLink(name) {
      const link = el("a", "type-link", name);
      link.addEventListener("click", () => showType(name));
      return link;
    }
    // Renders a type reference such as [Model!]! with the named type as a link.
    function renderTypeRef(ref) {
      const span = el("span");
      if (ref.kind === "NON_NULL") { span.append(renderTypeRef(ref.ofType), "!"); }
      else if (ref.kind === "LIST") { span.append("[", renderTypeRef(ref.ofType), "]"); }
      else { span.append(typeLink(ref.name)); }
      return span;
    }

    function showTypeList() {
      if (!schema) return;
      const filter = $("filter").value.trim().toLowerCase();
      const roots = [schema.queryType, schema.mutationType].filter(Boolean).map((t) => t.name);
      const names = schema.types.map((t) => t.name)
        .filter((name) => !name.startsWith("__") && !roots.includes(name))
        .filter((name) => !filter || name.toLowerCase().includes(filter))
        .sort();
      const list = el("ul", "types");
      for (const name of roots.concat(names)) {
        if (filter && !name.toLowerCase().includes(filter)) continue;
        const item = el("li");
        item.append(typeLink(name), el("span", "kind", schema.byName.get(name).kind.toLowerCase()));
        list.append(item);
      }
      $("schema").replaceChildren(list);
    }

    function showType(name) {
      const type = schema && schema.byName.get(name);
      if (!type) return;
      const box = el("div");
      const title = el("h3", "", type.name);
      title.append(el("span", "kind", type.kind.toLowerCase()));
      box.append(title);
      if (type.description) box.append(el("div", "desc", type.description));
      if (type.interfaces && type.interfaces.length) {
        const line = el("div", "field", "implements ");
        type.interfaces.forEach((i, n) => { if (n) line.append(", "); line.append(typeLink(i.name)); });
        box.append(line);
      }
      for (const field of type.fields || type.inputFields || []) {
        const line = el("div", "field");
        const name = el("span", field.isDeprecated ? "deprecated" : "", field.name);
        line.append(name);
        if (field.args && field.args.length) {
          line.append("(");
          field.args.forEach((arg, n) => {
            if (n) line.append(", ");
            line.append(arg.name + ": ", renderTypeRef(arg.type));
            if (arg.defaultValue !== null && arg.defaultValue !== undefined) line.append(" = " + arg.defaultValue);
          });
          line.append(")");
        }
        line.append(": ", renderTypeRef(field.type));
        if (field.defaultValue !== null && field.defaultValue !== undefined) line.append(" = " + field.defaultValue);
        box.append(line);
        if (field.description) box.append(el("div", "desc", field.description));
        if (field.isDeprecated && field.deprecationReason) box.append(el("div", "desc", "Deprecated: " + field.deprecationReason));
      }
      for (const value of type.enumValues || []) {
        box.append(el("div", "field" + (value.isDeprecated ? " deprecated" : ""), value.name));
        if (value.description) box.append(el("div", "desc", value.description));
      }
      if (type.possibleTypes && type.possibleTypes.length) {
        const line = el("div", "field", "possible types: ");
        type.possibleTypes.forEach((t, n) => { if (n) line.append(", "); line.append(typeLink(t.name)); });
        box.append(line);
      }
      $("schema").replaceChildren(box);
      $("schema").scrollTop = 0;
    }

    $("load-schema").addEventListener("click", loadSchema);
    $("filter").addEventListener("input", showTypeList);
    $("schema-home").addEventListener("click", showTypeList);

    // A link may carry the token, query and variables in its fragment, which the browser
    // never sends to the server: #token=...&query=...&variables=...&run=1 fills the
    // fields (and keeps them) and, with run=1, runs the query.
    const shared = new URLSearchParams(window.location.hash.slice(1));
    for (const id of ["token", "query", "variables"]) {
      if (shared.has(id)) { $(id).value = shared.get(id); store.set(id, $(id).value); }
    }
    if (shared.get("run") === "1") run();
    if ($("token").value) loadSchema();
    </script>
    </body>
    </html>
    """#
}
