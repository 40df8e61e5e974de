-- The two hot write paths as functions: one round trip per report instead of eight, and one
-- statement (atomic by itself) instead of an explicit transaction. The rule they implement is
-- documented in server/visibility.ts and docs/community-api.md ("Threshold and decisions").

-- Recount an image's distinct reporters and apply the hide rule; append a hide event when its
-- visibility flips. The caller holds the image row's lock. p_reasons: the reasons in the report
-- dialog's order (ties in the most-given reason go to the earlier one).
CREATE FUNCTION naqi_refresh_image(p_url text, p_threshold integer, p_reasons text[]) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  v_decision text;
  v_hidden boolean;
  v_count integer;
  v_hide boolean;
  v_reason text;
  v_at timestamptz;
BEGIN
  UPDATE images SET reporters = (SELECT count(*) FROM reports r WHERE r.image_url = p_url)
   WHERE image_url = p_url
   RETURNING decision, hidden, reporters INTO v_decision, v_hidden, v_count;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  v_hide := CASE WHEN v_decision = 'hide' THEN true WHEN v_decision = 'keep' THEN false ELSE v_count >= p_threshold END;
  IF v_hide = v_hidden THEN
    RETURN false;
  END IF;
  IF v_hide THEN
    SELECT r.reason INTO v_reason FROM reports r WHERE r.image_url = p_url GROUP BY r.reason
     ORDER BY count(*) DESC, array_position(p_reasons, r.reason) LIMIT 1;
    v_reason := coalesce(v_reason, 'other');
  END IF;
  -- Hide events commit in sequence order: a reader's cursor never skips one.
  PERFORM pg_advisory_xact_lock(7261002);
  INSERT INTO hide_events (image_url, hidden, reason) VALUES (p_url, v_hide, v_reason) RETURNING at INTO v_at;
  UPDATE images SET hidden = v_hide, hidden_reason = v_reason, hidden_at = CASE WHEN v_hide THEN v_at END
   WHERE image_url = p_url;
  RETURN true;
END;
$$;

-- Store a validated report for an authenticated reporter. Returns (id, result):
-- 'created' (new), 'exists' (this reporter already sent this id: nothing changes),
-- 'updated' (this reporter's earlier report of the image, under its first id, now updated),
-- 'id-taken' (the id belongs to another reporter: nothing changes).
CREATE FUNCTION naqi_store_report(
  p_reporter text, p_id text, p_image text, p_page text, p_title text, p_site text, p_source text,
  p_reason text, p_note text, p_created bigint, p_threshold integer, p_reasons text[]
) RETURNS TABLE (out_id text, out_result text)
LANGUAGE plpgsql AS $$
DECLARE
  v_owner text;
  v_mine text;
BEGIN
  SELECT r.reporter_id INTO v_owner FROM reports r WHERE r.id = p_id;
  IF FOUND THEN
    RETURN QUERY SELECT p_id, CASE WHEN v_owner = p_reporter THEN 'exists' ELSE 'id-taken' END;
    RETURN;
  END IF;
  -- Insert or touch the image row: this also locks it until commit (one writer per image).
  INSERT INTO images (image_url) VALUES (p_image) ON CONFLICT (image_url) DO UPDATE SET last_seen = now();
  SELECT r.id INTO v_mine FROM reports r WHERE r.reporter_id = p_reporter AND r.image_url = p_image;
  IF FOUND THEN
    UPDATE reports SET page_url = p_page, page_title = p_title, site = p_site, source = p_source,
           reason = p_reason, note = p_note, updated_at = GREATEST(updated_at, p_created), received_at = now()
     WHERE id = v_mine;
    PERFORM naqi_refresh_image(p_image, p_threshold, p_reasons);
    RETURN QUERY SELECT v_mine, 'updated'::text;
  ELSE
    INSERT INTO reports (id, reporter_id, image_url, page_url, page_title, site, source, reason, note, created_at, updated_at)
    VALUES (p_id, p_reporter, p_image, p_page, p_title, p_site, p_source, p_reason, p_note, p_created, p_created);
    PERFORM naqi_refresh_image(p_image, p_threshold, p_reasons);
    RETURN QUERY SELECT p_id, 'created'::text;
  END IF;
END;
$$;
