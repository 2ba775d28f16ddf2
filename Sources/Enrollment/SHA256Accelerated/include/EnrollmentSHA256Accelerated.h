// SHA-256's compression function on the CPU's SHA extensions (x86-64 SHA-NI), for the Swift
// `SHA256` of EnrollmentIO, which keeps its own implementation as the fallback and as the test
// oracle. This repository's code, covered by the code identifier like the Swift sources.
#ifndef ENROLL_SHA256_ACCELERATED_H
#define ENROLL_SHA256_ACCELERATED_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the instructions `enroll_sha256_compress_accelerated` uses (SHA, SSE4.1,
/// SSSE3), else 0 (always 0 on a processor that is not x86).
int enroll_sha256_accelerated(void);

/// Compresses `blocks` consecutive 64-byte blocks at `data` into `state`, the eight words
/// H0…H7 of FIPS 180-4 section 6.2. Call only when `enroll_sha256_accelerated()` is 1.
void enroll_sha256_compress_accelerated(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
