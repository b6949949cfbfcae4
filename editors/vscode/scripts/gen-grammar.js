#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Writes syntaxes/modelfile.tmLanguage.json. Edit this file, not the JSON:
//   node scripts/gen-grammar.js
// The TEMPLATE body is scoped meta.embedded.block.gotmpl and coloured with
// the Go text/template patterns below (VS Code ships no Go-template grammar).
'use strict';
const fs = require('fs');
const path = require('path');

// A closing quote counts only as the last non-blank character of a line
// (Ollama's rule), hence the (?=[ \t]*$) look-ahead on every end pattern.
const EOL = '(?=[ \\t]*\\r?$)';
const KW_VALUE = ['SYSTEM', 'LICENSE', 'ADAPTER', 'RENDERER', 'PARSER', 'REQUIRES', 'DRAFT'];

function quoted(nameScope, contentName, inner) {
  return [
    {
      begin: '"""',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.modelfile' } },
      end: '"""' + EOL,
      endCaptures: { 0: { name: 'punctuation.definition.string.end.modelfile' } },
      name: nameScope.replace('QUOTE', 'triple'),
      contentName,
      patterns: inner,
    },
    {
      begin: '"',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.modelfile' } },
      end: '"' + EOL,
      endCaptures: { 0: { name: 'punctuation.definition.string.end.modelfile' } },
      name: nameScope.replace('QUOTE', 'double'),
      contentName,
      patterns: inner,
    },
  ];
}

const gotmplFunctions = [
  // Go text/template builtins
  'and', 'or', 'not', 'len', 'index', 'slice', 'print', 'printf', 'println',
  'html', 'js', 'urlquery', 'call', 'eq', 'ne', 'lt', 'le', 'gt', 'ge',
  // Ollama's template functions
  'json', 'currentDate', 'yesterdayDate', 'toTypeScriptType',
];
const gotmplKeywords = ['if', 'else', 'end', 'range', 'with', 'define', 'template',
  'block', 'break', 'continue'];

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Modelfile',
  scopeName: 'source.modelfile',
  fileTypes: ['Modelfile', 'modelfile'],
  patterns: [
    { include: '#comment' },
    { include: '#template' },
    { include: '#from' },
    { include: '#parameter' },
    { include: '#message' },
    { include: '#value-instruction' },
    { include: '#legacy' },
    { include: '#invalid' },
  ],
  repository: {
    comment: {
      match: '^[ \\t]*(#).*$',
      name: 'comment.line.number-sign.modelfile',
      captures: { 1: { name: 'punctuation.definition.comment.modelfile' } },
    },
    template: {
      patterns: [
        {
          begin: '(?i)^[ \\t]*(TEMPLATE)(?=[ \\t])',
          beginCaptures: { 1: { name: 'keyword.other.instruction.modelfile' } },
          end: '(?<=""")' + EOL + '|(?<=")' + EOL + '|$',
          patterns: [
            ...quoted('string.quoted.QUOTE.template.modelfile', 'meta.embedded.block.gotmpl',
              [{ include: '#gotmpl' }]),
            {
              match: '\\S.*$',
              name: 'meta.embedded.line.gotmpl',
              captures: { 0: { patterns: [{ include: '#gotmpl' }] } },
            },
          ],
        },
      ],
    },
    from: {
      match: '(?i)^[ \\t]*(FROM)([ \\t]+)(.*?)[ \\t]*$',
      captures: {
        1: { name: 'keyword.other.instruction.modelfile' },
        3: { name: 'entity.name.type.model.modelfile' },
      },
    },
    parameter: {
      begin: '(?i)^[ \\t]*(PARAMETER)[ \\t]([A-Za-z0-9_]*)',
      beginCaptures: {
        1: { name: 'keyword.other.instruction.modelfile' },
        2: { name: 'variable.parameter.modelfile' },
      },
      end: '(?<=")' + EOL + '|$',
      patterns: [
        ...quoted('string.quoted.QUOTE.modelfile', undefined, []),
        { match: '(?i)(?<=[ \\t])(true|false|t|f)' + EOL, name: 'constant.language.boolean.modelfile' },
        { match: '(?i)(?<=[ \\t])[-+]?(\\d+(\\.\\d*)?|\\.\\d+)(e[-+]?\\d+)?' + EOL, name: 'constant.numeric.modelfile' },
        { match: '(?i)(?<=[ \\t])[-+]?(inf|infinity|nan)' + EOL, name: 'constant.numeric.modelfile' },
        { match: '\\S.*?' + EOL, name: 'string.unquoted.modelfile' },
      ],
    },
    message: {
      begin: '(?i)^[ \\t]*(MESSAGE)[ \\t](?:(system|user|assistant)|([A-Za-z]*))(?=[ \\t]|$)',
      beginCaptures: {
        1: { name: 'keyword.other.instruction.modelfile' },
        2: { name: 'support.constant.role.modelfile' },
        3: { name: 'invalid.illegal.role.modelfile' },
      },
      end: '(?<=")' + EOL + '|$',
      patterns: [
        ...quoted('string.quoted.QUOTE.modelfile', undefined, []),
        { match: '\\S.*?' + EOL, name: 'string.unquoted.modelfile' },
      ],
    },
    'value-instruction': {
      begin: '(?i)^[ \\t]*(' + KW_VALUE.join('|') + ')(?=[ \\t])',
      beginCaptures: { 1: { name: 'keyword.other.instruction.modelfile' } },
      end: '(?<=")' + EOL + '|$',
      patterns: [
        ...quoted('string.quoted.QUOTE.modelfile', undefined, []),
        { match: '\\S.*?' + EOL, name: 'string.unquoted.modelfile' },
      ],
    },
    legacy: {
      match: '(?i)^[ \\t]*(PROMPT|EMBED)(?=[ \\t])',
      captures: { 1: { name: 'invalid.deprecated.instruction.modelfile' } },
    },
    invalid: {
      match: '^[ \\t]*([^ \\t#\\r\\n]+)',
      captures: { 1: { name: 'invalid.illegal.instruction.modelfile' } },
    },
    gotmpl: {
      patterns: [
        {
          begin: '\\{\\{-?(?:[ \\t]*)(?=/\\*)',
          end: '(?<=\\*/)[ \\t]*-?\\}\\}',
          name: 'comment.block.gotmpl',
        },
        {
          begin: '\\{\\{-?',
          beginCaptures: { 0: { name: 'punctuation.section.embedded.begin.gotmpl' } },
          end: '-?\\}\\}',
          endCaptures: { 0: { name: 'punctuation.section.embedded.end.gotmpl' } },
          name: 'meta.action.gotmpl',
          patterns: [{ include: '#gotmpl-action' }],
        },
      ],
    },
    'gotmpl-action': {
      patterns: [
        { match: '\\b(' + gotmplKeywords.join('|') + ')\\b', name: 'keyword.control.gotmpl' },
        { match: '\\b(' + gotmplFunctions.join('|') + ')\\b', name: 'support.function.builtin.gotmpl' },
        { match: '\\b(true|false|nil)\\b', name: 'constant.language.gotmpl' },
        { match: '\\$[A-Za-z0-9_]*', name: 'variable.other.gotmpl' },
        { match: '\\.[A-Za-z_][A-Za-z0-9_]*', name: 'variable.other.property.gotmpl' },
        { match: '(?<![\\w$])\\.(?![\\w])', name: 'variable.language.dot.gotmpl' },
        { match: ':=|=|\\|', name: 'keyword.operator.gotmpl' },
        { match: '-?\\b\\d+(\\.\\d+)?\\b', name: 'constant.numeric.gotmpl' },
        {
          begin: '"', end: '"', name: 'string.quoted.double.gotmpl',
          patterns: [{ match: '\\\\.', name: 'constant.character.escape.gotmpl' }],
        },
        { begin: '`', end: '`', name: 'string.quoted.raw.gotmpl' },
        { match: "'(\\\\.|[^'])'", name: 'constant.character.gotmpl' },
        { match: '[()]', name: 'punctuation.section.parens.gotmpl' },
      ],
    },
  },
};

const out = path.join(__dirname, '..', 'syntaxes', 'modelfile.tmLanguage.json');
fs.writeFileSync(out, JSON.stringify(grammar, null, 2) + '\n');
console.log('wrote ' + path.relative(process.cwd(), out));
