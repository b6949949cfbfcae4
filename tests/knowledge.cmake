# SPDX-License-Identifier: MIT
# Issue 4 (model knowledge) unit tests; included by tests/CMakeLists.txt.
add_library(mfl_gguf_builder STATIC ${CMAKE_CURRENT_LIST_DIR}/unit/gguf_builder.c)
target_include_directories(mfl_gguf_builder PUBLIC ${CMAKE_CURRENT_LIST_DIR}/unit)
target_compile_options(mfl_gguf_builder PRIVATE ${MFL_WARNINGS})

foreach(t test_gguf test_memory test_store test_context_rules)
  add_executable(${t} ${CMAKE_CURRENT_LIST_DIR}/unit/${t}.c)
  target_link_libraries(${t} PRIVATE mfl_gguf_builder mfl_io mfl PkgConfig::CMOCKA
                        ${MFL_JANSSON_LIB} m)
  target_compile_options(${t} PRIVATE ${MFL_WARNINGS})
  add_test(NAME ${t} COMMAND ${t})
endforeach()
# The safetensors-folder tests read their config.json files from the tree.
target_compile_definitions(test_context_rules PRIVATE
                           MFL_TEST_DATA="${CMAKE_CURRENT_LIST_DIR}/data")
