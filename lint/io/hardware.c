/* SPDX-License-Identifier: MIT */
/* Hardware profile names as the CLI and config files give them. */
#include "mfl_io.h"
#include "mfl_knowledge.h"

#include <assert.h>

int mfl_io_apply_hardware(mfl_budget_t *b, const char *name) {
    const mfl_hw_profile_t *hw = mfl_hw_find(name);
    assert(b && name);
    if (!hw) return MFL_EINVAL;
    mfl_hw_apply(hw, b);
    return 0;
}
