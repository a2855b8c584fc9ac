/* Specification of the rule-set fingerprint (engine/core/sha256.c): the
 * digest is SHA-256 whichever way it is computed, the processor's SHA
 * instructions or GChecksum, for every length around the block and
 * padding boundaries, for known vectors, and for the default rule set. */
#include <string.h>

#include "sha256.h"
#include "support.h"

TestSuite (sha256);

static void
expect_both (const guchar *data, gsize length)
{
  g_autofree char *fast = limber_sha256_hex (data, length);
  g_autofree char *portable = limber_sha256_hex_portable (data, length);
  cr_assert_str_eq (fast, portable, "%" G_GSIZE_FORMAT " bytes", length);
}

LIMBER_TEST (sha256, known_vectors_hash_to_their_published_digests)
{
  static const struct {
    const char *text, *digest;
  } vectors[] = {
    { "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
    { "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
  };
  for (guint k = 0; k < G_N_ELEMENTS (vectors); k++)
    {
      g_autofree char *hex = limber_sha256_hex (vectors[k].text, strlen (vectors[k].text));
      cr_assert_str_eq (hex, vectors[k].digest, "\"%s\"", vectors[k].text);
    }
}

LIMBER_TEST (sha256, every_length_across_three_blocks_matches_the_portable_digest)
{
  /* 0 to 200 bytes cover an empty message, a tail that fits its block
   * (< 56), one that spills into a second (56 to 63), and whole blocks */
  guchar data[200];
  for (guint k = 0; k < sizeof data; k++)
    data[k] = (guchar) (k * 151 + 7);
  for (gsize n = 0; n <= sizeof data; n++)
    expect_both (data, n);
}

LIMBER_TEST (sha256, random_megabytes_match_the_portable_digest)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (11);
  for (int round = 0; round < 4; round++)
    {
      gsize n = (gsize) g_rand_int_range (r, 1, 3 << 20);
      g_autofree guchar *data = g_malloc (n);
      for (gsize k = 0; k < n; k++)
        data[k] = (guchar) g_rand_int (r);
      expect_both (data, n);
    }
  cr_log_info ("SHA instructions used: %s", limber_sha256_accelerated () ? "yes" : "no");
}

LIMBER_TEST (sha256, the_default_rule_set_is_fingerprinted_by_its_bytes)
{
  g_autoptr (LimberRuleset) rs = limber_test_default_rules ();
  g_autofree char *path = g_build_filename (LIMBER_SOURCE_DIR, "rules", "default.xml", NULL);
  g_autofree char *bytes = NULL;
  gsize length = 0;
  cr_assert (g_file_get_contents (path, &bytes, &length, NULL));
  g_autofree char *expected = limber_sha256_hex_portable (bytes, length);
  cr_assert_str_eq (limber_ruleset_get_sha256 (rs), expected);
}
