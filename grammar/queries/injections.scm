; TEMPLATE bodies are Go text/templates.
((template_instruction value: (quoted_value content: (content) @injection.content))
  (#set! injection.language "gotmpl"))
((template_instruction value: (bare_value) @injection.content)
  (#set! injection.language "gotmpl"))
