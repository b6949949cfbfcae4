/**
 * @file Ollama Modelfile grammar for tree-sitter
 * @license MIT
 *
 * The language is exactly what Ollama's own parser (parser/parser.go,
 * ParseFile) accepts (lint/src/ollama_parse.c is its port, checked against
 * this grammar on every input by tests/unit/test_frontends.c).
 * Every token comes from the external scanner (src/scanner.c), because the
 * rules are line- and rune-sensitive: a quote closes only as the last
 * non-blank character of a line, exactly one separator follows PARAMETER and
 * MESSAGE, and the characters Go's strconv.IsPrint rejects are dropped.
 *
 * The grammar is total: every input parses without ERROR nodes. Anything
 * Ollama rejects is still given a shape (an unknown keyword is an
 * unknown_instruction with a value, a keyword without its argument is an
 * instruction without a value) so that a broken line never hides the rest of
 * the file; the linter reports those shapes as syntax errors.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

/**
 * An instruction whose argument is a single value.
 * @param {GrammarSymbols<string>} $
 * @param {RuleOrLiteral} kw
 */
function valueInstruction($, kw) {
  return seq(
    field('keyword', alias(kw, $.keyword)),
    optional(seq($._sep, optional(field('value', $._value)))),
  );
}

/**
 * An instruction with a name (PARAMETER) or role (MESSAGE) before its value.
 * @param {GrammarSymbols<string>} $
 * @param {RuleOrLiteral} kw
 * @param {string} fieldName
 * @param {RuleOrLiteral} nameNode
 */
function namedInstruction($, kw, fieldName, nameNode) {
  return seq(
    field('keyword', alias(kw, $.keyword)),
    optional(seq(
      $._sep,
      optional(field(fieldName, nameNode)),
      optional(seq($._sep, optional(field('value', $._value)))),
    )),
  );
}

module.exports = grammar({
  name: 'modelfile',

  externals: $ => [
    $.comment,
    $._kw_from,
    $._kw_parameter,
    $._kw_template,
    $._kw_system,
    $._kw_adapter,
    $._kw_license,
    $._kw_message,
    $._kw_renderer,
    $._kw_parser,
    $._kw_requires,
    $._kw_draft,
    $._kw_unknown,
    $._sep,
    $._name,
    $._bare,
    $._open1,
    $._open3,
    $._content1,
    $._content3,
    $._close1,
    $._close3,
    $._junk,
    $._error_sentinel,
  ],

  extras: $ => [/[ \t\r\n]/, $._junk],

  rules: {
    source_file: $ => repeat(choice($.comment, $._instruction)),

    _instruction: $ => choice(
      $.from_instruction,
      $.parameter_instruction,
      $.template_instruction,
      $.system_instruction,
      $.adapter_instruction,
      $.license_instruction,
      $.message_instruction,
      $.renderer_instruction,
      $.parser_instruction,
      $.requires_instruction,
      $.draft_instruction,
      $.unknown_instruction,
    ),

    from_instruction: $ => valueInstruction($, $._kw_from),
    template_instruction: $ => valueInstruction($, $._kw_template),
    system_instruction: $ => valueInstruction($, $._kw_system),
    adapter_instruction: $ => valueInstruction($, $._kw_adapter),
    license_instruction: $ => valueInstruction($, $._kw_license),
    renderer_instruction: $ => valueInstruction($, $._kw_renderer),
    parser_instruction: $ => valueInstruction($, $._kw_parser),
    requires_instruction: $ => valueInstruction($, $._kw_requires),
    draft_instruction: $ => valueInstruction($, $._kw_draft),
    unknown_instruction: $ => seq(
      field('keyword', alias($._kw_unknown, $.unknown_keyword)),
      optional(seq($._sep, optional(field('value', $._value)))),
    ),

    parameter_instruction: $ =>
      namedInstruction($, $._kw_parameter, 'name', alias($._name, $.parameter_name)),
    message_instruction: $ =>
      namedInstruction($, $._kw_message, 'role', alias($._name, $.message_role)),

    _value: $ => choice($.bare_value, $.quoted_value),

    bare_value: $ => $._bare,

    quoted_value: $ => choice(
      seq(
        field('open', alias($._open3, $.quote)),
        optional(field('content', alias($._content3, $.content))),
        optional(field('close', alias($._close3, $.quote))),
      ),
      seq(
        field('open', alias($._open1, $.quote)),
        optional(field('content', alias($._content1, $.content))),
        optional(field('close', alias($._close1, $.quote))),
      ),
    ),
  },
});

