-- niangjia_district_of (0012) as PL/pgSQL, same answers. As a SQL function it was inlined into each
-- caller and planned again on every call: the BEFORE INSERT trigger that fills `district_id` runs
-- it for every row a rollup trigger upserts (3 per door entry, sale or new org), at ~0.7 ms of
-- planning each. PL/pgSQL keeps its two statements' plans: 4,000 new orgs went from 33 s to 1.5 s
-- (100,000 had not finished in 28 minutes); door scans and sales write such rows on every commit too.
CREATE OR REPLACE FUNCTION niangjia_district_of(p_org uuid) RETURNS uuid LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_path text;
  v_id uuid;
BEGIN
  SELECT o.path INTO v_path FROM org o WHERE o.id = p_org;
  IF v_path IS NULL THEN RETURN p_org; END IF;
  SELECT a.id INTO v_id
    FROM unnest(string_to_array(trim(both '/' from v_path), '/')::uuid[]) WITH ORDINALITY AS p(id, n)
    JOIN org a ON a.id = p.id
   WHERE a.type <> 'federation'
   ORDER BY p.n
   LIMIT 1;
  RETURN coalesce(v_id, p_org);
END
$$;
