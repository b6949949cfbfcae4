/* SPDX-License-Identifier: MIT */
/* Go text/template checker (see gotmpl.h). */
#include "gotmpl.h"
