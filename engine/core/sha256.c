/*
 * SHA-256 of a rule set's bytes.
 *
 * Every rule set is fingerprinted when loaded (plans name the rules they
 * were made with by this digest).  GLib's GChecksum does it at about 400
 * MB/s; x86-64 processors with the SHA extensions do it several times
 * faster, which for a 3 MB rule set is 6 of a load's milliseconds.  The
 * instructions are used when the processor has them (asked once), else
 * GChecksum: the digest is the same either way (tests/test-sha256.c checks
 * the two against each other).
 */
#include "sha256.h"

#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define LIMBER_SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

#ifdef LIMBER_SHA_NI

static const guint32 K[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/* The compression of n 64-byte blocks into state, four rounds a step: the
 * message schedule in four-word vectors (msg1 adds sigma0 of the word 15
 * back to the one 16 back, the aligned pair adds the one 7 back, msg2
 * sigma1 of the one 2 back). */
__attribute__ ((target ("sha,sse4.1,ssse3"))) static void
compress_ni (guint32 state[8], const guchar *data, gsize n)
{
  const __m128i swap = _mm_set_epi64x (0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i t = _mm_loadu_si128 ((const __m128i *) &state[0]);
  __m128i s1 = _mm_loadu_si128 ((const __m128i *) &state[4]);
  t = _mm_shuffle_epi32 (t, 0xb1);          /* CDAB */
  s1 = _mm_shuffle_epi32 (s1, 0x1b);        /* EFGH */
  __m128i s0 = _mm_alignr_epi8 (t, s1, 8);  /* ABEF */
  s1 = _mm_blend_epi16 (s1, t, 0xf0);       /* CDGH */
  for (; n > 0; n--, data += 64)
    {
      __m128i abef = s0, cdgh = s1, w[4];
      for (int i = 0; i < 16; i++)
        {
          __m128i x;
          if (i < 4)
            x = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (data + 16 * i)), swap);
          else
            x = _mm_sha256msg2_epu32 (_mm_add_epi32 (_mm_sha256msg1_epu32 (w[i % 4], w[(i + 1) % 4]),
                                                     _mm_alignr_epi8 (w[(i + 3) % 4], w[(i + 2) % 4], 4)),
                                      w[(i + 3) % 4]);
          w[i % 4] = x;
          __m128i m = _mm_add_epi32 (x, _mm_loadu_si128 ((const __m128i *) &K[4 * i]));
          s1 = _mm_sha256rnds2_epu32 (s1, s0, m);
          s0 = _mm_sha256rnds2_epu32 (s0, s1, _mm_shuffle_epi32 (m, 0x0e));
        }
      s0 = _mm_add_epi32 (s0, abef);
      s1 = _mm_add_epi32 (s1, cdgh);
    }
  t = _mm_shuffle_epi32 (s0, 0x1b);         /* FEBA */
  s1 = _mm_shuffle_epi32 (s1, 0xb1);        /* DCHG */
  s0 = _mm_blend_epi16 (t, s1, 0xf0);       /* DCBA */
  s1 = _mm_alignr_epi8 (s1, t, 8);          /* HGFE */
  _mm_storeu_si128 ((__m128i *) &state[0], s0);
  _mm_storeu_si128 ((__m128i *) &state[4], s1);
}

static gboolean
have_sha_ni (void)
{
  static gsize checked = 0;
  static gboolean have = FALSE;
  if (g_once_init_enter (&checked))
    {
      unsigned a, b, c, d;
      gboolean sse41 = __get_cpuid (1, &a, &b, &c, &d) && (c & bit_SSE4_1) && (c & bit_SSSE3);
      have = sse41 && __get_cpuid_count (7, 0, &a, &b, &c, &d) && (b & bit_SHA);
      g_once_init_leave (&checked, 1);
    }
  return have;
}

static char *
sha256_ni_hex (const guchar *data, gsize length)
{
  guint32 state[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
  gsize whole = length / 64;
  compress_ni (state, data, whole);
  /* the tail, 0x80, zeros and the length in bits, big-endian: one block or two */
  guchar tail[128] = { 0 };
  gsize rest = length - whole * 64;
  memcpy (tail, data + whole * 64, rest);
  tail[rest] = 0x80;
  gsize blocks = rest < 56 ? 1 : 2;
  guint64 bits = (guint64) length * 8;
  for (int k = 0; k < 8; k++)
    tail[blocks * 64 - 1 - k] = (guchar) (bits >> (8 * k));
  compress_ni (state, tail, blocks);
  char *hex = g_malloc (65);
  for (int k = 0; k < 8; k++)
    g_snprintf (hex + 8 * k, 9, "%08x", state[k]);
  return hex;
}

#endif

char *
limber_sha256_hex_portable (const void *data, gsize length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
}

char *
limber_sha256_hex (const void *data, gsize length)
{
#ifdef LIMBER_SHA_NI
  if (have_sha_ni ())
    return sha256_ni_hex (data, length);
#endif
  return limber_sha256_hex_portable (data, length);
}

gboolean
limber_sha256_accelerated (void)
{
#ifdef LIMBER_SHA_NI
  return have_sha_ni ();
#else
  return FALSE;
#endif
}
