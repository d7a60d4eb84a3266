CREATE OR REPLACE FUNCTION core.punycode_encode(p_label text)
RETURNS text
LANGUAGE plpgsql
IMMUTABLE STRICT PARALLEL SAFE
AS $$
-- Punycode (RFC 3492) of one label, without the 'xn--' prefix: the ASCII
-- characters in order, a '-' when there were any, then the insertions of
-- every other code point as generalized variable-length integers (base 36,
-- tmin 1, tmax 26, skew 38, damp 700, initial bias 72, initial n 128).
-- 'bücher' -> 'bcher-kva'. Loops over the characters of one value, never
-- over rows: it runs only for a key that is not ASCII.
DECLARE
  v_cps int[] := ARRAY(SELECT ascii(c) FROM regexp_split_to_table(p_label, '') AS c);
  v_out text := (SELECT string_agg(chr(c), '') FROM unnest(v_cps) AS c WHERE c < 128);
  v_n int := 128;
  v_delta bigint := 0;
  v_bias int := 72;
  v_b int := coalesce(length(v_out), 0);
  v_h int := v_b;
  v_m int;
  v_q bigint;
  v_k int;
  v_t int;
  c int;
BEGIN
  v_out := coalesce(v_out, '') || CASE WHEN v_b > 0 THEN '-' ELSE '' END;
  WHILE v_h < cardinality(v_cps) LOOP
    SELECT min(x) INTO v_m FROM unnest(v_cps) AS x WHERE x >= v_n;
    v_delta := v_delta + (v_m - v_n)::bigint * (v_h + 1);
    v_n := v_m;
    FOREACH c IN ARRAY v_cps LOOP
      IF c < v_n THEN
        v_delta := v_delta + 1;
      ELSIF c = v_n THEN
        v_q := v_delta;
        v_k := 36;
        LOOP
          v_t := CASE WHEN v_k <= v_bias THEN 1 WHEN v_k >= v_bias + 26 THEN 26 ELSE v_k - v_bias END;
          EXIT WHEN v_q < v_t;
          v_out := v_out || substr('abcdefghijklmnopqrstuvwxyz0123456789', (v_t + (v_q - v_t) % (36 - v_t))::int + 1, 1);
          v_q := (v_q - v_t) / (36 - v_t);
          v_k := v_k + 36;
        END LOOP;
        v_out := v_out || substr('abcdefghijklmnopqrstuvwxyz0123456789', v_q::int + 1, 1);
        -- bias adaptation (RFC 3492, 6.1)
        v_delta := CASE WHEN v_h = v_b THEN v_delta / 700 ELSE v_delta / 2 END;
        v_delta := v_delta + v_delta / (v_h + 1);
        v_k := 0;
        WHILE v_delta > 455 LOOP
          v_delta := v_delta / 35;
          v_k := v_k + 36;
        END LOOP;
        v_bias := v_k + (36 * v_delta) / (v_delta + 38);
        v_delta := 0;
        v_h := v_h + 1;
      END IF;
    END LOOP;
    v_delta := v_delta + 1;
    v_n := v_n + 1;
  END LOOP;
  RETURN v_out;
END;
$$;
COMMENT ON FUNCTION core.punycode_encode(text) IS
  'RFC 3492 Punycode of one label, without the xn-- prefix (''bücher'' -> ''bcher-kva''); used by core.idna_to_ascii.';
