#!/bin/sh
# The fuzz build's compiler: clang, with warnings kept but not fatal (the
# warnings-as-errors gate is the gcc build; clang-only warnings in code
# being written must not stop a fuzz run).
exec "${MFL_FUZZ_CC:-clang-14}" "$@" -Wno-error
