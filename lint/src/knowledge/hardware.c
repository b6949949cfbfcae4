/* SPDX-License-Identifier: MIT */
/* Named hardware profiles: memory, the share of it the GPU
 * may use for a model, and memory bandwidth. Memory is sold in binary units
 * whatever the label says: a "24 GB" card has 24 GiB, a "64 GB" Mac 64 GiB.
 * Apple's Metal limit (recommendedMaxWorkingSetSize) is about 75 % of RAM
 * below 96 GB and about 84 % above, so a 64 GB Mac's GPU gets about 48 GiB;
 * discrete GPUs get their whole VRAM (Ollama's reserve, 512 MiB on Metal and
 * 457 MiB elsewhere, is counted in the estimate itself); unified-memory PCs
 * keep room for the OS. Bandwidth is decimal (GB/s = 10^9 bytes/s). */
#include "mfl_knowledge.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define GIB(x) ((uint64_t)(x) << 30)
#define MAC(x) ((x) >= 96 ? 0.84 : 0.75)

#define P(id, dev, gb, share, bw) \
    { id, dev, GIB(gb), share, bw, false }
#define APPLE(id, dev, gb, bw) \
    { id, dev " (" #gb " GB)", GIB(gb), MAC(gb), bw, true }

static const mfl_hw_profile_t profiles[] = {
    APPLE("mac-studio-m2-ultra-64", "Mac Studio M2 Ultra", 64, 800),
    APPLE("mac-studio-m2-ultra-128", "Mac Studio M2 Ultra", 128, 800),
    APPLE("mac-studio-m2-ultra-192", "Mac Studio M2 Ultra", 192, 800),
    APPLE("mac-studio-m3-ultra-96", "Mac Studio M3 Ultra", 96, 819),
    APPLE("mac-studio-m3-ultra-256", "Mac Studio M3 Ultra", 256, 819),
    APPLE("mac-studio-m3-ultra-512", "Mac Studio M3 Ultra", 512, 819),
    APPLE("mac-m1-ultra-64", "Mac Studio M1 Ultra", 64, 800),
    APPLE("mac-m1-ultra-128", "Mac Studio M1 Ultra", 128, 800),
    APPLE("mac-m4-max-36", "M4 Max (binned)", 36, 410),
    APPLE("mac-m4-max-48", "M4 Max", 48, 546),
    APPLE("mac-m4-max-64", "M4 Max", 64, 546),
    APPLE("mac-m4-max-128", "M4 Max", 128, 546),
    APPLE("mac-m4-pro-24", "M4 Pro", 24, 273),
    APPLE("mac-m4-pro-48", "M4 Pro", 48, 273),
    APPLE("mac-m4-pro-64", "M4 Pro", 64, 273),
    APPLE("mac-m3-max-36", "M3 Max (binned)", 36, 300),
    APPLE("mac-m3-max-48", "M3 Max", 48, 400),
    APPLE("mac-m3-max-64", "M3 Max", 64, 400),
    APPLE("mac-m3-max-96", "M3 Max", 96, 400),
    APPLE("mac-m3-max-128", "M3 Max", 128, 400),
    APPLE("mac-m2-max-32", "M2 Max", 32, 400),
    APPLE("mac-m2-max-64", "M2 Max", 64, 400),
    APPLE("mac-m2-max-96", "M2 Max", 96, 400),
    APPLE("mac-m1-max-32", "M1 Max", 32, 400),
    APPLE("mac-m1-max-64", "M1 Max", 64, 400),
    APPLE("mac-m4-16", "M4", 16, 120),
    APPLE("mac-m4-24", "M4", 24, 120),
    APPLE("mac-m4-32", "M4", 32, 120),
    P("dgx-spark-128", "NVIDIA DGX Spark (GB10, 128 GB unified)", 128, 0.90, 273),
    P("strix-halo-64", "AMD Ryzen AI Max+ 395 (64 GB)", 64, 0.75, 256),
    P("strix-halo-96", "AMD Ryzen AI Max+ 395 (96 GB)", 96, 0.75, 256),
    P("strix-halo-128", "AMD Ryzen AI Max+ 395 (128 GB)", 128, 0.75, 256),
    P("mi300x", "AMD Instinct MI300X", 192, 1.0, 5300),
    P("mi325x", "AMD Instinct MI325X", 256, 1.0, 6000),
    P("rtx-3090", "GeForce RTX 3090", 24, 1.0, 936),
    P("rtx-4090", "GeForce RTX 4090", 24, 1.0, 1008),
    P("rtx-5090", "GeForce RTX 5090", 32, 1.0, 1792),
    P("rtx-4080", "GeForce RTX 4080", 16, 1.0, 717),
    P("rtx-4060-ti-16", "GeForce RTX 4060 Ti 16 GB", 16, 1.0, 288),
    P("rtx-3060-12", "GeForce RTX 3060 12 GB", 12, 1.0, 360),
    P("rx-7900-xtx", "Radeon RX 7900 XTX", 24, 1.0, 960),
    P("rtx-6000-ada", "RTX 6000 Ada", 48, 1.0, 960),
    P("rtx-pro-6000-blackwell", "RTX PRO 6000 Blackwell", 96, 1.0, 1792),
    P("l40s", "NVIDIA L40S", 48, 1.0, 864),
    P("a100-80", "NVIDIA A100 80GB", 80, 1.0, 2039),
    P("h100-sxm", "NVIDIA H100 SXM", 80, 1.0, 3350),
    P("h100-pcie", "NVIDIA H100 PCIe", 80, 1.0, 2000),
    P("h100-nvl", "NVIDIA H100 NVL", 94, 1.0, 3900),
    P("h200", "NVIDIA H200", 141, 1.0, 4800),
    P("b200", "NVIDIA B200", 192, 1.0, 8000),
};

size_t mfl_hw_count(void) { return sizeof profiles / sizeof profiles[0]; }

const mfl_hw_profile_t *mfl_hw_at(size_t i) { return i < mfl_hw_count() ? &profiles[i] : NULL; }

const mfl_hw_profile_t *mfl_hw_find(const char *id) {
    if (id == NULL) return NULL;
    for (size_t i = 0; i < mfl_hw_count(); i++) {
        const char *a = profiles[i].id, *b = id;
        while (*a && tolower((unsigned char)*b) == *a) {
            a++;
            b++;
        }
        if (*a == '\0' && *b == '\0') return &profiles[i];
    }
    return NULL;
}

void mfl_hw_apply(const mfl_hw_profile_t *hw, mfl_budget_t *b) {
    if (hw == NULL || b == NULL) return;
    b->memory_budget = (uint64_t)((double)hw->memory_bytes * hw->usable_share);
    b->bandwidth = hw->bandwidth_gbps * 1e9;
    b->runtime_reserve = hw->metal ? MFL_RESERVE_METAL : MFL_RESERVE_OTHER;
    snprintf(b->hardware, sizeof b->hardware, "%s", hw->id);
}
