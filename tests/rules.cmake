# SPDX-License-Identifier: MIT
# Unit tests for the PARAMETER table / value converters and the Go template
# checker (MF1xx, MF206-MF208). Included from tests/CMakeLists.txt.
mfl_test(unit params PROGRAM test_params SOURCES ${CMAKE_CURRENT_LIST_DIR}/unit/test_params.c
  LINK ${MFL_TEST_LIBS})
# The template checker against the recorded answers of Ollama's template.Parse
# (tests/template/cases.tsv, made by tools/gotmpl-oracle/regen.sh).
mfl_test(unit gotmpl PROGRAM test_gotmpl SOURCES ${CMAKE_CURRENT_LIST_DIR}/unit/test_gotmpl.c
  LINK ${MFL_TEST_LIBS} ARGS ${CMAKE_CURRENT_LIST_DIR}/template/cases.tsv)
# Every version of Ollama's own templates stays clean; skipped (exit 77) when
# the snapshot of Ollama's repository is not beside the project.
# (A script's program runs under the emulator when cross-compiling.)
mfl_runnable(_run_gotmpl test_gotmpl)
mfl_test(template ollama_history
  COMMAND bash ${PROJECT_SOURCE_DIR}/tools/check-ollama-templates.sh ${_run_gotmpl} ${MFL_OLLAMA_REPO}
  SKIP_77)
