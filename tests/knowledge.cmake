# SPDX-License-Identifier: MIT
# Model knowledge unit tests (GGUF, memory, the model store, the context
# rules); included by tests/CMakeLists.txt.
foreach(t gguf memory store context_rules)
  mfl_test(knowledge ${t} PROGRAM test_${t} SOURCES ${CMAKE_CURRENT_LIST_DIR}/unit/test_${t}.c
    LINK mfl_gguf_builder ${MFL_TEST_LIBS} m)
endforeach()
# The safetensors-folder tests read their config.json files from the tree.
target_compile_definitions(test_context_rules PRIVATE
                           MFL_TEST_DATA="${CMAKE_CURRENT_LIST_DIR}/data")
