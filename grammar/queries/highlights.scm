; Modelfile highlights. The single copy: editors take it from here.
(comment) @comment
(keyword) @keyword
(unknown_keyword) @error
(parameter_name) @property
(message_role) @type.builtin
(quote) @punctuation.delimiter
(quoted_value) @string
(bare_value) @string
(from_instruction value: (bare_value) @string.special)
(adapter_instruction value: (bare_value) @string.special.path)
(draft_instruction value: (bare_value) @string.special.path)
(parameter_instruction value: (bare_value) @number
  (#match? @number "^[-+]?[0-9.]+([eE][-+]?[0-9]+)?$"))
(requires_instruction value: (bare_value) @number)
