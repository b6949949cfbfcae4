# SPDX-License-Identifier: MIT
# Unit tests for the PARAMETER table / value converters and the Go template
# checker (MF1xx, MF206-MF208). Included from tests/CMakeLists.txt.
if(NOT TARGET PkgConfig::CMOCKA)
  pkg_check_modules(CMOCKA REQUIRED IMPORTED_TARGET cmocka)
endif()

foreach(t params gotmpl)
  add_executable(test_${t} ${CMAKE_CURRENT_LIST_DIR}/unit/test_${t}.c)
  target_link_libraries(test_${t} PRIVATE mfl_io mfl PkgConfig::CMOCKA)
  target_include_directories(test_${t} PRIVATE ${PROJECT_SOURCE_DIR}/lint/src ${PROJECT_SOURCE_DIR}/grammar/src)
  target_compile_options(test_${t} PRIVATE -Wall -Wextra -Werror)
endforeach()
add_test(NAME unit.params COMMAND test_params)
# The template checker against the recorded answers of Ollama's template.Parse
# (tests/template/cases.tsv, made by tools/gotmpl-oracle/regen.sh).
add_test(NAME unit.gotmpl COMMAND test_gotmpl ${CMAKE_CURRENT_LIST_DIR}/template/cases.tsv)
# Every version of Ollama's own templates stays clean; skipped (exit 77) when
# the snapshot of Ollama's repository is not beside the project.
add_test(NAME template.ollama_history
  COMMAND bash ${PROJECT_SOURCE_DIR}/tools/check-ollama-templates.sh $<TARGET_FILE:test_gotmpl>
          ${MFL_OLLAMA_REPO})
set_tests_properties(template.ollama_history PROPERTIES SKIP_RETURN_CODE 77)
