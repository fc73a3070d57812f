-- the SQLite schema the migrations make, at revision 0015
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE mention (
	id INTEGER NOT NULL, 
	article_id INTEGER NOT NULL, 
	actor_id INTEGER NOT NULL, 
	span_start INTEGER NOT NULL, 
	span_end INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	annotator_id INTEGER NOT NULL, confidence DOUBLE CONSTRAINT ck_mention_confidence_range CHECK (confidence >= 0 AND confidence <= 1), 
	CONSTRAINT pk_mention PRIMARY KEY (id), 
	CONSTRAINT ck_mention_span_order CHECK (0 <= span_start AND span_start < span_end), 
	CONSTRAINT ck_mention_span_length CHECK (length(text) = span_end - span_start), 
	CONSTRAINT fk_mention_actor_id_actor FOREIGN KEY(actor_id) REFERENCES actor (id) ON DELETE CASCADE, 
	CONSTRAINT fk_mention_annotator_id_annotator FOREIGN KEY(annotator_id) REFERENCES annotator (id) ON DELETE RESTRICT, 
	CONSTRAINT fk_mention_article_id_article FOREIGN KEY(article_id) REFERENCES article (id) ON DELETE CASCADE, 
	CONSTRAINT uq_mention_article_id_actor_id_span_start_span_end UNIQUE (article_id, actor_id, span_start, span_end)
);
CREATE INDEX ix_mention_actor_id_article_id ON mention (actor_id, article_id);
CREATE INDEX ix_mention_annotator_id ON mention (annotator_id);
CREATE TABLE paragraph (
	id INTEGER NOT NULL, 
	article_id INTEGER NOT NULL, 
	number INTEGER NOT NULL, 
	span_start INTEGER NOT NULL, 
	span_end INTEGER NOT NULL, 
	CONSTRAINT pk_paragraph PRIMARY KEY (id), 
	CONSTRAINT ck_paragraph_span_order CHECK (0 <= span_start AND span_start <= span_end), 
	CONSTRAINT ck_paragraph_number_positive CHECK (number >= 1), 
	CONSTRAINT fk_paragraph_article_id_article FOREIGN KEY(article_id) REFERENCES article (id) ON DELETE CASCADE, 
	CONSTRAINT uq_paragraph_article_id_number UNIQUE (article_id, number)
);
CREATE TABLE claim_event (
	claim_id INTEGER NOT NULL, 
	event_id INTEGER NOT NULL, 
	CONSTRAINT pk_claim_event PRIMARY KEY (claim_id, event_id), 
	CONSTRAINT fk_claim_event_claim_id_claim FOREIGN KEY(claim_id) REFERENCES claim (id) ON DELETE CASCADE, 
	CONSTRAINT fk_claim_event_event_id_event FOREIGN KEY(event_id) REFERENCES event (id) ON DELETE CASCADE
);
CREATE INDEX ix_claim_event_event_id ON claim_event (event_id);
CREATE TABLE claim_quote (
	claim_id INTEGER NOT NULL, 
	quote_id INTEGER NOT NULL, 
	CONSTRAINT pk_claim_quote PRIMARY KEY (claim_id, quote_id), 
	CONSTRAINT fk_claim_quote_claim_id_claim FOREIGN KEY(claim_id) REFERENCES claim (id) ON DELETE CASCADE, 
	CONSTRAINT fk_claim_quote_quote_id_quote FOREIGN KEY(quote_id) REFERENCES quote (id) ON DELETE CASCADE
);
CREATE INDEX ix_claim_quote_quote_id ON claim_quote (quote_id);
CREATE TABLE claim_relation (
	claim_id INTEGER NOT NULL, 
	other_claim_id INTEGER NOT NULL, 
	relation VARCHAR(20) NOT NULL, 
	CONSTRAINT pk_claim_relation PRIMARY KEY (claim_id, other_claim_id, relation), 
	CONSTRAINT ck_claim_relation_relation_vocab CHECK (relation IN ('corroborates', 'conflicts')), 
	CONSTRAINT ck_claim_relation_not_self CHECK (claim_id <> other_claim_id), 
	CONSTRAINT fk_claim_relation_claim_id_claim FOREIGN KEY(claim_id) REFERENCES claim (id) ON DELETE CASCADE, 
	CONSTRAINT fk_claim_relation_other_claim_id_claim FOREIGN KEY(other_claim_id) REFERENCES claim (id) ON DELETE CASCADE
);
CREATE INDEX ix_claim_relation_other_claim_id ON claim_relation (other_claim_id);
CREATE TABLE event_mention (
	id INTEGER NOT NULL, 
	article_id INTEGER NOT NULL, 
	event_id INTEGER NOT NULL, 
	span_start INTEGER NOT NULL, 
	span_end INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	annotator_id INTEGER NOT NULL, 
	CONSTRAINT pk_event_mention PRIMARY KEY (id), 
	CONSTRAINT ck_event_mention_span_order CHECK (0 <= span_start AND span_start < span_end), 
	CONSTRAINT ck_event_mention_span_length CHECK (length(text) = span_end - span_start), 
	CONSTRAINT fk_event_mention_annotator_id_annotator FOREIGN KEY(annotator_id) REFERENCES annotator (id) ON DELETE RESTRICT, 
	CONSTRAINT fk_event_mention_article_id_article FOREIGN KEY(article_id) REFERENCES article (id) ON DELETE CASCADE, 
	CONSTRAINT fk_event_mention_event_id_event FOREIGN KEY(event_id) REFERENCES event (id) ON DELETE CASCADE, 
	CONSTRAINT uq_event_mention_article_id_event_id_span_start_span_end UNIQUE (article_id, event_id, span_start, span_end)
);
CREATE INDEX ix_event_mention_annotator_id ON event_mention (annotator_id);
CREATE INDEX ix_event_mention_event_id_article_id ON event_mention (event_id, article_id);
CREATE INDEX ix_paragraph_article_id_span_start_span_end_number ON paragraph (article_id, span_start, span_end, number);
CREATE TABLE article_actor_tally (
	article_id INTEGER NOT NULL, 
	actor_id INTEGER NOT NULL, 
	published_date DATE, 
	mentions INTEGER NOT NULL, 
	quotes INTEGER NOT NULL, 
	words_quoted INTEGER NOT NULL, 
	claims INTEGER NOT NULL, 
	CONSTRAINT pk_article_actor_tally PRIMARY KEY (article_id, actor_id), 
	CONSTRAINT ck_article_actor_tally_counts_not_negative CHECK (mentions >= 0 AND quotes >= 0 AND words_quoted >= 0 AND claims >= 0), 
	CONSTRAINT fk_article_actor_tally_actor_id_actor FOREIGN KEY(actor_id) REFERENCES actor (id) ON DELETE CASCADE, 
	CONSTRAINT fk_article_actor_tally_article_id_article FOREIGN KEY(article_id) REFERENCES article (id) ON DELETE CASCADE
);
CREATE INDEX ix_article_actor_tally_by_date ON article_actor_tally (published_date, actor_id, mentions, quotes, words_quoted, claims, article_id);
CREATE INDEX ix_article_actor_tally_actor_id_article_id ON article_actor_tally (actor_id, article_id);
CREATE TABLE article_mode_tally (
	article_id INTEGER NOT NULL, 
	attribution_mode VARCHAR(20) NOT NULL, 
	published_date DATE, 
	claims INTEGER NOT NULL, 
	CONSTRAINT pk_article_mode_tally PRIMARY KEY (article_id, attribution_mode), 
	CONSTRAINT ck_article_mode_tally_attribution_mode_vocab CHECK (attribution_mode IN ('named_person', 'institution', 'unnamed_official', 'vague_collective', 'passive', 'writer')), 
	CONSTRAINT ck_article_mode_tally_claims_not_negative CHECK (claims >= 0), 
	CONSTRAINT fk_article_mode_tally_article_id_article FOREIGN KEY(article_id) REFERENCES article (id) ON DELETE CASCADE
);
CREATE INDEX ix_article_mode_tally_by_date ON article_mode_tally (published_date, attribution_mode, claims, article_id);
CREATE TABLE "event_participant" (
	id INTEGER NOT NULL, 
	event_id INTEGER NOT NULL, 
	actor_id INTEGER NOT NULL, 
	role VARCHAR(20) NOT NULL, 
	created_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL, 
	annotator_id INTEGER NOT NULL, 
	article_id INTEGER NOT NULL, 
	CONSTRAINT pk_event_participant PRIMARY KEY (id), 
	CONSTRAINT fk_event_participant_annotator_id_annotator FOREIGN KEY(annotator_id) REFERENCES annotator (id) ON DELETE RESTRICT, 
	CONSTRAINT fk_event_participant_event_id_event FOREIGN KEY(event_id) REFERENCES event (id) ON DELETE CASCADE, 
	CONSTRAINT ck_event_participant_role_vocab CHECK (role IN ('initiator', 'target', 'victim', 'location', 'subject', 'participant', 'affected', 'lender', 'recipient', 'speaker')), 
	CONSTRAINT fk_event_participant_actor_id_actor FOREIGN KEY(actor_id) REFERENCES actor (id) ON DELETE CASCADE, 
	CONSTRAINT fk_event_participant_article_id_article FOREIGN KEY(article_id) REFERENCES article (id) ON DELETE CASCADE, 
	CONSTRAINT uq_event_participant_article_id_event_id_actor_id_role UNIQUE (article_id, event_id, actor_id, role)
);
CREATE INDEX ix_event_participant_actor_id ON event_participant (actor_id);
CREATE INDEX ix_event_participant_annotator_id ON event_participant (annotator_id);
CREATE INDEX ix_event_participant_event_id_article_id ON event_participant (event_id, article_id);
CREATE TABLE claim_support_tally (
	claim_id INTEGER NOT NULL, 
	article_id INTEGER NOT NULL, 
	published_date DATE, 
	attribution_mode VARCHAR(20) NOT NULL, 
	sources INTEGER NOT NULL, 
	conflicting_claims INTEGER NOT NULL, 
	CONSTRAINT pk_claim_support_tally PRIMARY KEY (claim_id), 
	CONSTRAINT ck_claim_support_tally_attribution_mode_vocab CHECK (attribution_mode IN ('named_person', 'institution', 'unnamed_official', 'vague_collective', 'passive', 'writer')), 
	CONSTRAINT ck_claim_support_tally_counts_not_negative CHECK (sources >= 0 AND conflicting_claims >= 0), 
	CONSTRAINT fk_claim_support_tally_article_id_article FOREIGN KEY(article_id) REFERENCES article (id) ON DELETE CASCADE, 
	CONSTRAINT fk_claim_support_tally_claim_id_claim FOREIGN KEY(claim_id) REFERENCES claim (id) ON DELETE CASCADE
);
CREATE INDEX ix_claim_support_tally_by_date ON claim_support_tally (published_date, attribution_mode, sources, conflicting_claims, article_id);
CREATE INDEX ix_claim_support_tally_by_article ON claim_support_tally (article_id, attribution_mode, sources, conflicting_claims);
CREATE TABLE article_network_tally (
	article_id INTEGER NOT NULL, 
	speaker_id INTEGER NOT NULL, 
	mentioned_id INTEGER NOT NULL, 
	published_date DATE, 
	quotes INTEGER NOT NULL, 
	mentions INTEGER NOT NULL, 
	CONSTRAINT pk_article_network_tally PRIMARY KEY (article_id, speaker_id, mentioned_id), 
	CONSTRAINT ck_article_network_tally_counts_positive CHECK (quotes > 0 AND mentions >= quotes), 
	CONSTRAINT fk_article_network_tally_article_id_article FOREIGN KEY(article_id) REFERENCES article (id) ON DELETE CASCADE, 
	CONSTRAINT fk_article_network_tally_mentioned_id_actor FOREIGN KEY(mentioned_id) REFERENCES actor (id) ON DELETE CASCADE, 
	CONSTRAINT fk_article_network_tally_speaker_id_actor FOREIGN KEY(speaker_id) REFERENCES actor (id) ON DELETE CASCADE
);
CREATE INDEX ix_article_network_tally_by_date ON article_network_tally (published_date, speaker_id, mentioned_id, quotes, mentions, article_id);
CREATE INDEX ix_article_network_tally_mentioned_id ON article_network_tally (mentioned_id);
CREATE INDEX ix_article_network_tally_speaker_id ON article_network_tally (speaker_id);
CREATE TABLE article_geography_tally (
	article_id INTEGER NOT NULL, 
	side VARCHAR(10) NOT NULL, 
	subject_id INTEGER NOT NULL, 
	published_date DATE, 
	country VARCHAR(2), 
	place VARCHAR(500), 
	CONSTRAINT pk_article_geography_tally PRIMARY KEY (article_id, side, subject_id), 
	CONSTRAINT ck_article_geography_tally_side_vocab CHECK (side IN ('source', 'event', 'party')), 
	CONSTRAINT fk_article_geography_tally_article_id_article FOREIGN KEY(article_id) REFERENCES article (id) ON DELETE CASCADE
);
CREATE INDEX ix_article_geography_tally_by_date ON article_geography_tally (published_date, country, side, place, article_id);
CREATE INDEX ix_mention_article_id_span_start ON mention (article_id, span_start, span_end, actor_id, id);
CREATE TABLE time_expression (
	id INTEGER NOT NULL, 
	article_id INTEGER NOT NULL, 
	span_start INTEGER NOT NULL, 
	span_end INTEGER NOT NULL, 
	as_written TEXT NOT NULL, 
	start_date DATE, 
	end_date DATE, 
	precision VARCHAR(20) NOT NULL, 
	resolution VARCHAR(20) NOT NULL, 
	duration BOOLEAN NOT NULL, 
	confidence DOUBLE, 
	created_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL, 
	annotator_id INTEGER NOT NULL, 
	CONSTRAINT pk_time_expression PRIMARY KEY (id), 
	CONSTRAINT ck_time_expression_precision_with_date CHECK ((start_date IS NULL) = (precision = 'unknown')), 
	CONSTRAINT ck_time_expression_precision_vocab CHECK (precision IN ('day', 'month', 'year', 'decade', 'unknown')), 
	CONSTRAINT ck_time_expression_resolution_vocab CHECK (resolution IN ('stated', 'relative', 'outside', 'inferred', 'unresolved')), 
	CONSTRAINT ck_time_expression_span_order CHECK (0 <= span_start AND span_start < span_end), 
	CONSTRAINT ck_time_expression_confidence_range CHECK (confidence >= 0 AND confidence <= 1), 
	CONSTRAINT ck_time_expression_date_order CHECK (end_date IS NULL OR (start_date IS NOT NULL AND end_date >= start_date)), 
	CONSTRAINT ck_time_expression_span_length CHECK (length(as_written) = span_end - span_start), 
	CONSTRAINT fk_time_expression_annotator_id_annotator FOREIGN KEY(annotator_id) REFERENCES annotator (id) ON DELETE RESTRICT, 
	CONSTRAINT fk_time_expression_article_id_article FOREIGN KEY(article_id) REFERENCES article (id) ON DELETE CASCADE, 
	CONSTRAINT uq_time_expression_article_id_span_start_span_end UNIQUE (article_id, span_start, span_end)
);
CREATE INDEX ix_time_expression_annotator_id ON time_expression (annotator_id);
CREATE TABLE "actor" (
	id INTEGER NOT NULL, 
	slug VARCHAR(200) NOT NULL, 
	name VARCHAR(500) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	sector VARCHAR(40) DEFAULT 'unknown' NOT NULL, 
	country VARCHAR(2), 
	wikidata_id VARCHAR(20), 
	parent_id INTEGER, 
	note TEXT, 
	CONSTRAINT pk_actor PRIMARY KEY (id), 
	CONSTRAINT ck_actor_kind_vocab CHECK (kind IN ('person', 'organisation', 'state', 'armed_group', 'collective', 'population', 'anonymous')), 
	CONSTRAINT ck_actor_sector_vocab CHECK (sector IN ('government', 'military', 'police', 'intelligence', 'judiciary', 'political_party', 'politician', 'armed_group', 'think_tank', 'academia', 'expert', 'international_organisation', 'media', 'civil_society', 'affected_community', 'business', 'religious', 'other', 'unknown')), 
	CONSTRAINT ck_actor_wikidata_id_format CHECK (wikidata_id LIKE 'Q%'), 
	CONSTRAINT ck_actor_country_iso CHECK (length(country) = 2 AND upper(country) = country), 
	CONSTRAINT ck_actor_parent_not_self CHECK (parent_id <> id), 
	CONSTRAINT fk_actor_parent_id_actor FOREIGN KEY(parent_id) REFERENCES actor (id) ON DELETE SET NULL, 
	CONSTRAINT uq_actor_slug UNIQUE (slug), CONSTRAINT ck_actor_slug_max_length CHECK (length(slug) <= 200), CONSTRAINT ck_actor_slug_printable CHECK (instr(slug, char(0)) = 0 AND slug NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_actor_name_max_length CHECK (length(name) <= 500), CONSTRAINT ck_actor_name_printable CHECK (instr(name, char(0)) = 0 AND name NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_actor_wikidata_id_max_length CHECK (length(wikidata_id) <= 20), CONSTRAINT ck_actor_wikidata_id_printable CHECK (instr(wikidata_id, char(0)) = 0 AND wikidata_id NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_actor_note_max_length CHECK (length(note) <= 10000), CONSTRAINT ck_actor_note_printable CHECK (instr(note, char(0)) = 0 AND note NOT GLOB '*[' || char(1, 45, 8, 14, 45, 31, 127, 45, 159) || ']*'));
CREATE INDEX ix_actor_kind ON actor (kind);
CREATE INDEX ix_actor_parent_id ON actor (parent_id);
CREATE TABLE "actor_alias" (
	id INTEGER NOT NULL, 
	actor_id INTEGER NOT NULL, 
	alias VARCHAR(500) NOT NULL, 
	CONSTRAINT pk_actor_alias PRIMARY KEY (id), 
	CONSTRAINT fk_actor_alias_actor_id_actor FOREIGN KEY(actor_id) REFERENCES actor (id) ON DELETE CASCADE, 
	CONSTRAINT uq_actor_alias_actor_id_alias UNIQUE (actor_id, alias), CONSTRAINT ck_actor_alias_alias_max_length CHECK (length(alias) <= 500), CONSTRAINT ck_actor_alias_alias_printable CHECK (instr(alias, char(0)) = 0 AND alias NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'));
CREATE INDEX ix_actor_alias_alias ON actor_alias (alias);
CREATE TABLE "affiliation" (
	id INTEGER NOT NULL, 
	article_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	organisation_id INTEGER, 
	role VARCHAR(500), 
	descriptor TEXT NOT NULL, 
	location VARCHAR(500), 
	location_as_written VARCHAR(500), 
	span_start INTEGER NOT NULL, 
	span_end INTEGER NOT NULL, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	annotator_id INTEGER NOT NULL, confidence DOUBLE CONSTRAINT ck_affiliation_confidence_range CHECK (confidence >= 0 AND confidence <= 1), 
	CONSTRAINT pk_affiliation PRIMARY KEY (id), 
	CONSTRAINT ck_affiliation_span_order CHECK (0 <= span_start AND span_start < span_end), 
	CONSTRAINT ck_affiliation_span_length CHECK (length(descriptor) = span_end - span_start), 
	CONSTRAINT ck_affiliation_not_self CHECK (person_id <> organisation_id), 
	CONSTRAINT fk_affiliation_annotator_id_annotator FOREIGN KEY(annotator_id) REFERENCES annotator (id) ON DELETE RESTRICT, 
	CONSTRAINT fk_affiliation_article_id_article FOREIGN KEY(article_id) REFERENCES article (id) ON DELETE CASCADE, 
	CONSTRAINT fk_affiliation_organisation_id_actor FOREIGN KEY(organisation_id) REFERENCES actor (id) ON DELETE CASCADE, 
	CONSTRAINT fk_affiliation_person_id_actor FOREIGN KEY(person_id) REFERENCES actor (id) ON DELETE CASCADE, 
	CONSTRAINT uq_affiliation_article_id_person_id_span_start UNIQUE (article_id, person_id, span_start), CONSTRAINT ck_affiliation_role_max_length CHECK (length(role) <= 500), CONSTRAINT ck_affiliation_role_printable CHECK (instr(role, char(0)) = 0 AND role NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_affiliation_location_max_length CHECK (length(location) <= 500), CONSTRAINT ck_affiliation_location_printable CHECK (instr(location, char(0)) = 0 AND location NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_affiliation_location_as_written_max_length CHECK (length(location_as_written) <= 500), CONSTRAINT ck_affiliation_location_as_written_printable CHECK (instr(location_as_written, char(0)) = 0 AND location_as_written NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'));
CREATE INDEX ix_affiliation_annotator_id ON affiliation (annotator_id);
CREATE INDEX ix_affiliation_organisation_id ON affiliation (organisation_id);
CREATE INDEX ix_affiliation_person_id ON affiliation (person_id);
CREATE TABLE "annotator" (
	id INTEGER NOT NULL, 
	kind VARCHAR NOT NULL, 
	name VARCHAR(500) NOT NULL, 
	note VARCHAR, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	CONSTRAINT pk_annotator PRIMARY KEY (id), 
	CONSTRAINT ck_annotator_kind_vocab CHECK (kind IN ('hand', 'rule', 'model', 'import')), 
	CONSTRAINT uq_annotator_kind_name UNIQUE (kind, name), CONSTRAINT ck_annotator_name_max_length CHECK (length(name) <= 500), CONSTRAINT ck_annotator_name_printable CHECK (instr(name, char(0)) = 0 AND name NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_annotator_note_max_length CHECK (length(note) <= 10000), CONSTRAINT ck_annotator_note_printable CHECK (instr(note, char(0)) = 0 AND note NOT GLOB '*[' || char(1, 45, 8, 14, 45, 31, 127, 45, 159) || ']*'));
CREATE TABLE "article" (
	id INTEGER NOT NULL, 
	slug VARCHAR(200) NOT NULL, 
	headline TEXT, 
	outlet VARCHAR(500), 
	byline VARCHAR(500), 
	url TEXT, 
	published_date DATE, 
	published_precision VARCHAR, 
	published_qualifier VARCHAR, 
	language VARCHAR(35), 
	body TEXT NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	CONSTRAINT pk_article PRIMARY KEY (id), 
	CONSTRAINT ck_article_published_precision_vocab CHECK (published_precision IN ('day', 'month', 'year', 'decade', 'unknown')), 
	CONSTRAINT ck_article_published_qualifier_vocab CHECK (published_qualifier IN ('exact', 'on_or_after', 'on_or_before')), 
	CONSTRAINT ck_article_published_complete CHECK ((published_date IS NULL) = (published_precision IS NULL)), 
	CONSTRAINT ck_article_sha256_length CHECK (length(sha256) = 64), 
	CONSTRAINT uq_article_sha256 UNIQUE (sha256), 
	CONSTRAINT uq_article_slug UNIQUE (slug), CONSTRAINT ck_article_slug_max_length CHECK (length(slug) <= 200), CONSTRAINT ck_article_slug_printable CHECK (instr(slug, char(0)) = 0 AND slug NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_article_headline_max_length CHECK (length(headline) <= 1000), CONSTRAINT ck_article_headline_printable CHECK (instr(headline, char(0)) = 0 AND headline NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_article_outlet_max_length CHECK (length(outlet) <= 500), CONSTRAINT ck_article_outlet_printable CHECK (instr(outlet, char(0)) = 0 AND outlet NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_article_byline_max_length CHECK (length(byline) <= 500), CONSTRAINT ck_article_byline_printable CHECK (instr(byline, char(0)) = 0 AND byline NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_article_url_max_length CHECK (length(url) <= 2000), CONSTRAINT ck_article_url_printable CHECK (instr(url, char(0)) = 0 AND url NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_article_language_max_length CHECK (length(language) <= 35), CONSTRAINT ck_article_language_printable CHECK (instr(language, char(0)) = 0 AND language NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_article_body_max_length CHECK (length(body) <= 50000000), CONSTRAINT ck_article_body_printable CHECK (instr(body, char(0)) = 0 AND body NOT GLOB '*[' || char(1, 45, 8, 14, 45, 31, 127, 45, 159) || ']*'));
CREATE INDEX ix_article_published_date_id ON article (published_date, id);
CREATE TABLE "article_metadata" (
	id INTEGER NOT NULL, 
	article_id INTEGER NOT NULL, 
	field VARCHAR(100) NOT NULL, 
	value TEXT, 
	origin VARCHAR NOT NULL, 
	source TEXT, 
	confidence VARCHAR, 
	note TEXT, 
	CONSTRAINT pk_article_metadata PRIMARY KEY (id), 
	CONSTRAINT ck_article_metadata_confidence_vocab CHECK (confidence IN ('high', 'medium', 'low')), 
	CONSTRAINT ck_article_metadata_field_vocab CHECK (field IN ('headline', 'outlet', 'byline', 'url', 'published', 'language')), 
	CONSTRAINT ck_article_metadata_origin_vocab CHECK (origin IN ('text', 'outside', 'inference', 'unknown')), 
	CONSTRAINT ck_article_metadata_outside_has_source CHECK (origin IN ('text', 'unknown') OR source IS NOT NULL), 
	CONSTRAINT fk_article_metadata_article_id_article FOREIGN KEY(article_id) REFERENCES article (id) ON DELETE CASCADE, 
	CONSTRAINT uq_article_metadata_article_id_field UNIQUE (article_id, field), CONSTRAINT ck_article_metadata_value_max_length CHECK (length(value) <= 10000), CONSTRAINT ck_article_metadata_value_printable CHECK (instr(value, char(0)) = 0 AND value NOT GLOB '*[' || char(1, 45, 8, 14, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_article_metadata_source_max_length CHECK (length(source) <= 10000), CONSTRAINT ck_article_metadata_source_printable CHECK (instr(source, char(0)) = 0 AND source NOT GLOB '*[' || char(1, 45, 8, 14, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_article_metadata_note_max_length CHECK (length(note) <= 10000), CONSTRAINT ck_article_metadata_note_printable CHECK (instr(note, char(0)) = 0 AND note NOT GLOB '*[' || char(1, 45, 8, 14, 45, 31, 127, 45, 159) || ']*'));
CREATE TABLE "claim" (
	id INTEGER NOT NULL, 
	article_id INTEGER NOT NULL, 
	"key" VARCHAR(100) NOT NULL, 
	text TEXT NOT NULL, 
	span_start INTEGER NOT NULL, 
	span_end INTEGER NOT NULL, 
	proposition TEXT NOT NULL, 
	attribution_mode VARCHAR(20) NOT NULL, 
	source_id INTEGER, 
	cue VARCHAR(200), 
	cue_start INTEGER, 
	cue_end INTEGER, 
	certainty VARCHAR(20) NOT NULL, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	annotator_id INTEGER NOT NULL, confidence DOUBLE CONSTRAINT ck_claim_confidence_range CHECK (confidence >= 0 AND confidence <= 1), 
	CONSTRAINT pk_claim PRIMARY KEY (id), 
	CONSTRAINT ck_claim_source_matches_mode CHECK ((attribution_mode IN ('named_person', 'institution', 'unnamed_official', 'vague_collective')) = (source_id IS NOT NULL)), 
	CONSTRAINT ck_claim_attributed_has_cue CHECK (attribution_mode = 'writer' OR cue IS NOT NULL), 
	CONSTRAINT ck_claim_attribution_mode_vocab CHECK (attribution_mode IN ('named_person', 'institution', 'unnamed_official', 'vague_collective', 'passive', 'writer')), 
	CONSTRAINT ck_claim_certainty_vocab CHECK (certainty IN ('asserted', 'hedged', 'expected', 'possible')), 
	CONSTRAINT ck_claim_cue_complete CHECK ((cue IS NULL AND cue_start IS NULL AND cue_end IS NULL) OR (cue IS NOT NULL AND cue_start IS NOT NULL AND cue_end IS NOT NULL)), 
	CONSTRAINT ck_claim_cue_order CHECK (0 <= cue_start AND cue_start < cue_end), 
	CONSTRAINT ck_claim_span_order CHECK (0 <= span_start AND span_start < span_end), 
	CONSTRAINT ck_claim_cue_length CHECK (length(cue) = cue_end - cue_start), 
	CONSTRAINT ck_claim_span_length CHECK (length(text) = span_end - span_start), 
	CONSTRAINT fk_claim_annotator_id_annotator FOREIGN KEY(annotator_id) REFERENCES annotator (id) ON DELETE RESTRICT, 
	CONSTRAINT fk_claim_article_id_article FOREIGN KEY(article_id) REFERENCES article (id) ON DELETE CASCADE, 
	CONSTRAINT fk_claim_source_id_actor FOREIGN KEY(source_id) REFERENCES actor (id) ON DELETE RESTRICT, 
	CONSTRAINT uq_claim_article_id_key UNIQUE (article_id, "key"), CONSTRAINT ck_claim_key_max_length CHECK (length(key) <= 100), CONSTRAINT ck_claim_key_printable CHECK (instr(key, char(0)) = 0 AND key NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_claim_proposition_max_length CHECK (length(proposition) <= 10000), CONSTRAINT ck_claim_proposition_printable CHECK (instr(proposition, char(0)) = 0 AND proposition NOT GLOB '*[' || char(1, 45, 8, 14, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_claim_cue_max_length CHECK (length(cue) <= 200));
CREATE INDEX ix_claim_annotator_id ON claim (annotator_id);
CREATE INDEX ix_claim_article_id_attribution_mode ON claim (article_id, attribution_mode);
CREATE INDEX ix_claim_source_id ON claim (source_id);
CREATE INDEX ix_claim_article_id_source_id_span_start_span_end_id ON claim (article_id, source_id, span_start, span_end, id);
CREATE TABLE "claim_check" (
	id INTEGER NOT NULL, 
	claim_id INTEGER NOT NULL, 
	aspect VARCHAR(100) NOT NULL, 
	stated_value VARCHAR(500) NOT NULL, 
	checked_value VARCHAR(500), 
	verdict VARCHAR(20) NOT NULL, 
	source TEXT NOT NULL, 
	note TEXT, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	annotator_id INTEGER NOT NULL, 
	CONSTRAINT pk_claim_check PRIMARY KEY (id), 
	CONSTRAINT ck_claim_check_verdict_vocab CHECK (verdict IN ('confirmed', 'contradicted', 'partly_confirmed', 'unverifiable')), 
	CONSTRAINT fk_claim_check_annotator_id_annotator FOREIGN KEY(annotator_id) REFERENCES annotator (id) ON DELETE RESTRICT, 
	CONSTRAINT fk_claim_check_claim_id_claim FOREIGN KEY(claim_id) REFERENCES claim (id) ON DELETE CASCADE, 
	CONSTRAINT uq_claim_check_claim_id_aspect UNIQUE (claim_id, aspect), CONSTRAINT ck_claim_check_aspect_max_length CHECK (length(aspect) <= 100), CONSTRAINT ck_claim_check_aspect_printable CHECK (instr(aspect, char(0)) = 0 AND aspect NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_claim_check_stated_value_max_length CHECK (length(stated_value) <= 500), CONSTRAINT ck_claim_check_stated_value_printable CHECK (instr(stated_value, char(0)) = 0 AND stated_value NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_claim_check_checked_value_max_length CHECK (length(checked_value) <= 500), CONSTRAINT ck_claim_check_checked_value_printable CHECK (instr(checked_value, char(0)) = 0 AND checked_value NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_claim_check_source_max_length CHECK (length(source) <= 10000), CONSTRAINT ck_claim_check_source_printable CHECK (instr(source, char(0)) = 0 AND source NOT GLOB '*[' || char(1, 45, 8, 14, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_claim_check_note_max_length CHECK (length(note) <= 10000), CONSTRAINT ck_claim_check_note_printable CHECK (instr(note, char(0)) = 0 AND note NOT GLOB '*[' || char(1, 45, 8, 14, 45, 31, 127, 45, 159) || ']*'));
CREATE INDEX ix_claim_check_annotator_id ON claim_check (annotator_id);
CREATE TABLE "event" (
	id INTEGER NOT NULL, 
	slug VARCHAR(200) NOT NULL, 
	name VARCHAR(500) NOT NULL, 
	event_type VARCHAR(40) NOT NULL, 
	parent_id INTEGER, 
	start_date DATE, 
	end_date DATE, 
	date_precision VARCHAR(20) NOT NULL, 
	date_resolution VARCHAR(20) NOT NULL, 
	date_source TEXT, 
	location VARCHAR(500), 
	country VARCHAR(2), 
	CONSTRAINT pk_event PRIMARY KEY (id), 
	CONSTRAINT ck_event_date_source_given CHECK (date_resolution NOT IN ('outside', 'inferred') OR date_source IS NOT NULL), 
	CONSTRAINT fk_event_parent_id_event FOREIGN KEY(parent_id) REFERENCES event (id) ON DELETE SET NULL, 
	CONSTRAINT ck_event_date_order CHECK (end_date >= start_date), 
	CONSTRAINT ck_event_date_precision_known CHECK ((start_date IS NULL) = (date_precision = 'unknown')), 
	CONSTRAINT ck_event_date_resolution_vocab CHECK (date_resolution IN ('stated', 'relative', 'outside', 'inferred', 'unresolved')), 
	CONSTRAINT uq_event_slug UNIQUE (slug), 
	CONSTRAINT ck_event_parent_not_self CHECK (parent_id <> id), 
	CONSTRAINT ck_event_event_type_vocab CHECK (event_type IN ('airstrike', 'attack', 'armed_clash', 'shelling', 'insurgency', 'statement', 'diplomacy', 'political_removal', 'arrest', 'protest', 'election', 'regime_change', 'revolution', 'funding', 'loan', 'crisis', 'founding', 'other')), 
	CONSTRAINT ck_event_date_precision_vocab CHECK (date_precision IN ('day', 'month', 'year', 'decade', 'unknown')), 
	CONSTRAINT ck_event_country_iso CHECK (length(country) = 2 AND upper(country) = country), CONSTRAINT ck_event_slug_max_length CHECK (length(slug) <= 200), CONSTRAINT ck_event_slug_printable CHECK (instr(slug, char(0)) = 0 AND slug NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_event_name_max_length CHECK (length(name) <= 500), CONSTRAINT ck_event_name_printable CHECK (instr(name, char(0)) = 0 AND name NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_event_location_max_length CHECK (length(location) <= 500), CONSTRAINT ck_event_location_printable CHECK (instr(location, char(0)) = 0 AND location NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_event_date_source_max_length CHECK (length(date_source) <= 10000), CONSTRAINT ck_event_date_source_printable CHECK (instr(date_source, char(0)) = 0 AND date_source NOT GLOB '*[' || char(1, 45, 8, 14, 45, 31, 127, 45, 159) || ']*'));
CREATE INDEX ix_event_event_type ON event (event_type);
CREATE INDEX ix_event_start_date ON event (start_date);
CREATE INDEX ix_event_parent_id ON event (parent_id);
CREATE TABLE "event_report" (
	id INTEGER NOT NULL, 
	article_id INTEGER NOT NULL, 
	event_id INTEGER NOT NULL, 
	date_as_written VARCHAR(500), 
	fatalities INTEGER, 
	fatalities_as_written VARCHAR(500), 
	fatalities_reported_by_id INTEGER, 
	fatalities_attribution VARCHAR(20), 
	annotator_id INTEGER NOT NULL, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	CONSTRAINT pk_event_report PRIMARY KEY (id), 
	CONSTRAINT ck_event_report_fatalities_attribution_vocab CHECK (fatalities_attribution IN ('named_person', 'institution', 'unnamed_official', 'vague_collective', 'passive', 'writer')), 
	CONSTRAINT ck_event_report_fatalities_positive CHECK (fatalities >= 0), 
	CONSTRAINT ck_event_report_reporter_matches_attribution CHECK (CASE WHEN fatalities_attribution IN ('named_person', 'institution', 'unnamed_official', 'vague_collective') THEN fatalities_reported_by_id IS NOT NULL ELSE fatalities_reported_by_id IS NULL END), 
	CONSTRAINT fk_event_report_annotator_id_annotator FOREIGN KEY(annotator_id) REFERENCES annotator (id) ON DELETE RESTRICT, 
	CONSTRAINT fk_event_report_article_id_article FOREIGN KEY(article_id) REFERENCES article (id) ON DELETE CASCADE, 
	CONSTRAINT fk_event_report_event_id_event FOREIGN KEY(event_id) REFERENCES event (id) ON DELETE CASCADE, 
	CONSTRAINT fk_event_report_fatalities_reported_by_id_actor FOREIGN KEY(fatalities_reported_by_id) REFERENCES actor (id) ON DELETE RESTRICT, 
	CONSTRAINT uq_event_report_article_id_event_id UNIQUE (article_id, event_id), CONSTRAINT ck_event_report_date_as_written_max_length CHECK (length(date_as_written) <= 500), CONSTRAINT ck_event_report_date_as_written_printable CHECK (instr(date_as_written, char(0)) = 0 AND date_as_written NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_event_report_fatalities_as_written_max_length CHECK (length(fatalities_as_written) <= 500), CONSTRAINT ck_event_report_fatalities_as_written_printable CHECK (instr(fatalities_as_written, char(0)) = 0 AND fatalities_as_written NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_event_report_fatalities_max CHECK (fatalities <= 2147483647));
CREATE INDEX ix_event_report_annotator_id ON event_report (annotator_id);
CREATE INDEX ix_event_report_event_id_article_id ON event_report (event_id, article_id);
CREATE INDEX ix_event_report_fatalities_reported_by_id ON event_report (fatalities_reported_by_id);
CREATE TABLE "quote" (
	id INTEGER NOT NULL, 
	article_id INTEGER NOT NULL, 
	"key" VARCHAR(100) NOT NULL, 
	speaker_id INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	text TEXT NOT NULL, 
	span_start INTEGER NOT NULL, 
	span_end INTEGER NOT NULL, 
	cue VARCHAR(200), 
	cue_start INTEGER, 
	cue_end INTEGER, 
	continues_id INTEGER, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	annotator_id INTEGER NOT NULL, confidence DOUBLE CONSTRAINT ck_quote_confidence_range CHECK (confidence >= 0 AND confidence <= 1), 
	CONSTRAINT pk_quote PRIMARY KEY (id), 
	CONSTRAINT ck_quote_kind_vocab CHECK (kind IN ('direct', 'partial', 'indirect')), 
	CONSTRAINT ck_quote_cue_complete CHECK ((cue IS NULL AND cue_start IS NULL AND cue_end IS NULL) OR (cue IS NOT NULL AND cue_start IS NOT NULL AND cue_end IS NOT NULL)), 
	CONSTRAINT ck_quote_cue_order CHECK (0 <= cue_start AND cue_start < cue_end), 
	CONSTRAINT ck_quote_span_order CHECK (0 <= span_start AND span_start < span_end), 
	CONSTRAINT ck_quote_continues_not_self CHECK (continues_id <> id), 
	CONSTRAINT ck_quote_cue_length CHECK (length(cue) = cue_end - cue_start), 
	CONSTRAINT ck_quote_span_length CHECK (length(text) = span_end - span_start), 
	CONSTRAINT fk_quote_annotator_id_annotator FOREIGN KEY(annotator_id) REFERENCES annotator (id) ON DELETE RESTRICT, 
	CONSTRAINT fk_quote_article_id_article FOREIGN KEY(article_id) REFERENCES article (id) ON DELETE CASCADE, 
	CONSTRAINT fk_quote_continues_id_quote FOREIGN KEY(continues_id) REFERENCES quote (id) ON DELETE SET NULL, 
	CONSTRAINT fk_quote_speaker_id_actor FOREIGN KEY(speaker_id) REFERENCES actor (id) ON DELETE RESTRICT, 
	CONSTRAINT uq_quote_article_id_key UNIQUE (article_id, "key"), CONSTRAINT ck_quote_key_max_length CHECK (length(key) <= 100), CONSTRAINT ck_quote_key_printable CHECK (instr(key, char(0)) = 0 AND key NOT GLOB '*[' || char(1, 45, 31, 127, 45, 159) || ']*'), CONSTRAINT ck_quote_cue_max_length CHECK (length(cue) <= 200));
CREATE INDEX ix_quote_annotator_id ON quote (annotator_id);
CREATE INDEX ix_quote_continues_id ON quote (continues_id);
CREATE INDEX ix_quote_speaker_id_article_id ON quote (speaker_id, article_id);
CREATE INDEX ix_quote_article_id_speaker_id_span_start_span_end_id ON quote (article_id, speaker_id, span_start, span_end, id);
CREATE VIEW v_corroboration AS 
WITH link AS (
        SELECT a.slug AS slug, a.published_date AS published_date, c.id AS claim_id,
            c.source_id AS actor_id, CAST(NULL AS INTEGER) AS other_id,
            CAST(NULL AS VARCHAR(20)) AS relation
        FROM article a JOIN claim c ON c.article_id = a.id
        UNION ALL
        SELECT a.slug, a.published_date, c.id, q.speaker_id, NULL, NULL
        FROM article a
        JOIN claim c ON c.article_id = a.id
        JOIN claim_quote cq ON cq.claim_id = c.id
        JOIN quote q ON q.id = cq.quote_id
        UNION ALL
        SELECT a.slug, a.published_date, c.id,
            CASE WHEN r.relation = 'corroborates' THEN o.source_id END, o.id, r.relation
        FROM article a
        JOIN claim c ON c.article_id = a.id
        JOIN claim_relation r ON r.claim_id = c.id
        JOIN claim o ON o.id = r.other_claim_id
        UNION ALL
        SELECT a.slug, a.published_date, c.id,
            CASE WHEN r.relation = 'corroborates' THEN o.source_id END, o.id, r.relation
        FROM article a
        JOIN claim c ON c.article_id = a.id
        JOIN claim_relation r ON r.other_claim_id = c.id
        JOIN claim o ON o.id = r.claim_id
    ),
    counted AS (
        SELECT
            k.slug AS slug,
            k.published_date AS published_date,
            k.claim_id AS claim_id,
            COUNT(DISTINCT k.actor_id) AS sources,
            COUNT(DISTINCT CASE WHEN s.kind = 'person' THEN s.id END) AS named_person_sources,
            COUNT(DISTINCT CASE WHEN s.kind IN ('organisation', 'state', 'armed_group')
                THEN s.id END) AS institution_sources,
            COUNT(DISTINCT CASE WHEN s.kind IN ('collective', 'population') THEN s.id END)
                AS collective_sources,
            COUNT(DISTINCT CASE WHEN s.kind = 'anonymous' THEN s.id END) AS unnamed_sources,
            COUNT(DISTINCT CASE WHEN k.relation = 'corroborates' THEN k.other_id END)
                AS corroborating_claims,
            COUNT(DISTINCT CASE WHEN k.relation = 'conflicts' THEN k.other_id END)
                AS conflicting_claims
        FROM link k
        LEFT JOIN actor s ON s.id = k.actor_id
        GROUP BY k.slug, k.published_date, k.claim_id
    )
SELECT
    n.slug AS article,
    n.published_date AS published_date,
    c.key AS claim_key,
    c.text AS text,
    c.attribution_mode AS attribution_mode,
    own.name AS source,
    n.sources AS sources,
    n.named_person_sources AS named_person_sources,
    n.institution_sources AS institution_sources,
    n.collective_sources AS collective_sources,
    n.unnamed_sources AS unnamed_sources,
    CASE n.sources WHEN 0 THEN 'none' WHEN 1 THEN 'single' ELSE 'multiple' END AS support,
    n.corroborating_claims AS corroborating_claims,
    n.conflicting_claims AS conflicting_claims
FROM counted n
JOIN claim c ON c.id = n.claim_id
LEFT JOIN actor own ON own.id = c.source_id;
CREATE VIEW v_claim_conflicts AS 
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    c.key AS claim_key,
    c.text AS claim_text,
    c.attribution_mode AS claim_mode,
    cs.name AS claim_source,
    o.key AS other_claim_key,
    o.text AS other_text,
    o.attribution_mode AS other_mode,
    os.name AS other_source
FROM claim_relation r
JOIN claim c ON c.id = r.claim_id
JOIN claim o ON o.id = r.other_claim_id
JOIN article a ON a.id = c.article_id
LEFT JOIN actor cs ON cs.id = c.source_id
LEFT JOIN actor os ON os.id = o.source_id
WHERE r.relation = 'conflicts';
CREATE TRIGGER tally_mention_insert AFTER INSERT ON mention BEGIN INSERT INTO article_actor_tally (article_id, actor_id, published_date, mentions, quotes, words_quoted, claims) SELECT NEW.article_id, NEW.actor_id, a.published_date, 1, 0, 0, 0 FROM article a WHERE a.id = NEW.article_id AND NEW.actor_id IS NOT NULL ON CONFLICT (article_id, actor_id) DO UPDATE SET mentions = article_actor_tally.mentions + excluded.mentions, quotes = article_actor_tally.quotes + excluded.quotes, words_quoted = article_actor_tally.words_quoted + excluded.words_quoted, claims = article_actor_tally.claims + excluded.claims; END;
CREATE TRIGGER tally_mention_delete AFTER DELETE ON mention BEGIN UPDATE article_actor_tally SET mentions = mentions - (1), quotes = quotes - (0), words_quoted = words_quoted - (0), claims = claims - (0) WHERE article_id = OLD.article_id AND actor_id = OLD.actor_id; DELETE FROM article_actor_tally WHERE article_id = OLD.article_id AND actor_id = OLD.actor_id AND mentions = 0 AND quotes = 0 AND claims = 0; END;
CREATE TRIGGER tally_mention_update AFTER UPDATE OF article_id, actor_id ON mention BEGIN UPDATE article_actor_tally SET mentions = mentions - (1), quotes = quotes - (0), words_quoted = words_quoted - (0), claims = claims - (0) WHERE article_id = OLD.article_id AND actor_id = OLD.actor_id; DELETE FROM article_actor_tally WHERE article_id = OLD.article_id AND actor_id = OLD.actor_id AND mentions = 0 AND quotes = 0 AND claims = 0; INSERT INTO article_actor_tally (article_id, actor_id, published_date, mentions, quotes, words_quoted, claims) SELECT NEW.article_id, NEW.actor_id, a.published_date, 1, 0, 0, 0 FROM article a WHERE a.id = NEW.article_id AND NEW.actor_id IS NOT NULL ON CONFLICT (article_id, actor_id) DO UPDATE SET mentions = article_actor_tally.mentions + excluded.mentions, quotes = article_actor_tally.quotes + excluded.quotes, words_quoted = article_actor_tally.words_quoted + excluded.words_quoted, claims = article_actor_tally.claims + excluded.claims; END;
CREATE TRIGGER tally_quote_insert AFTER INSERT ON quote BEGIN INSERT INTO article_actor_tally (article_id, actor_id, published_date, mentions, quotes, words_quoted, claims) SELECT NEW.article_id, NEW.speaker_id, a.published_date, 0, 1, CASE WHEN NEW.kind IN ('direct', 'partial') THEN length(NEW.text) - length(replace(NEW.text, ' ', '')) + 1 ELSE 0 END, 0 FROM article a WHERE a.id = NEW.article_id AND NEW.speaker_id IS NOT NULL ON CONFLICT (article_id, actor_id) DO UPDATE SET mentions = article_actor_tally.mentions + excluded.mentions, quotes = article_actor_tally.quotes + excluded.quotes, words_quoted = article_actor_tally.words_quoted + excluded.words_quoted, claims = article_actor_tally.claims + excluded.claims; END;
CREATE TRIGGER tally_quote_delete AFTER DELETE ON quote BEGIN UPDATE article_actor_tally SET mentions = mentions - (0), quotes = quotes - (1), words_quoted = words_quoted - (CASE WHEN OLD.kind IN ('direct', 'partial') THEN length(OLD.text) - length(replace(OLD.text, ' ', '')) + 1 ELSE 0 END), claims = claims - (0) WHERE article_id = OLD.article_id AND actor_id = OLD.speaker_id; DELETE FROM article_actor_tally WHERE article_id = OLD.article_id AND actor_id = OLD.speaker_id AND mentions = 0 AND quotes = 0 AND claims = 0; END;
CREATE TRIGGER tally_quote_update AFTER UPDATE OF article_id, speaker_id, kind, text ON quote BEGIN UPDATE article_actor_tally SET mentions = mentions - (0), quotes = quotes - (1), words_quoted = words_quoted - (CASE WHEN OLD.kind IN ('direct', 'partial') THEN length(OLD.text) - length(replace(OLD.text, ' ', '')) + 1 ELSE 0 END), claims = claims - (0) WHERE article_id = OLD.article_id AND actor_id = OLD.speaker_id; DELETE FROM article_actor_tally WHERE article_id = OLD.article_id AND actor_id = OLD.speaker_id AND mentions = 0 AND quotes = 0 AND claims = 0; INSERT INTO article_actor_tally (article_id, actor_id, published_date, mentions, quotes, words_quoted, claims) SELECT NEW.article_id, NEW.speaker_id, a.published_date, 0, 1, CASE WHEN NEW.kind IN ('direct', 'partial') THEN length(NEW.text) - length(replace(NEW.text, ' ', '')) + 1 ELSE 0 END, 0 FROM article a WHERE a.id = NEW.article_id AND NEW.speaker_id IS NOT NULL ON CONFLICT (article_id, actor_id) DO UPDATE SET mentions = article_actor_tally.mentions + excluded.mentions, quotes = article_actor_tally.quotes + excluded.quotes, words_quoted = article_actor_tally.words_quoted + excluded.words_quoted, claims = article_actor_tally.claims + excluded.claims; END;
CREATE TRIGGER tally_claim_insert AFTER INSERT ON claim BEGIN INSERT INTO article_actor_tally (article_id, actor_id, published_date, mentions, quotes, words_quoted, claims) SELECT NEW.article_id, NEW.source_id, a.published_date, 0, 0, 0, 1 FROM article a WHERE a.id = NEW.article_id AND NEW.source_id IS NOT NULL ON CONFLICT (article_id, actor_id) DO UPDATE SET mentions = article_actor_tally.mentions + excluded.mentions, quotes = article_actor_tally.quotes + excluded.quotes, words_quoted = article_actor_tally.words_quoted + excluded.words_quoted, claims = article_actor_tally.claims + excluded.claims; INSERT INTO article_mode_tally (article_id, attribution_mode, published_date, claims) SELECT NEW.article_id, NEW.attribution_mode, a.published_date, 1 FROM article a WHERE a.id = NEW.article_id ON CONFLICT (article_id, attribution_mode) DO UPDATE SET claims = article_mode_tally.claims + 1; END;
CREATE TRIGGER tally_claim_delete AFTER DELETE ON claim BEGIN UPDATE article_actor_tally SET mentions = mentions - (0), quotes = quotes - (0), words_quoted = words_quoted - (0), claims = claims - (1) WHERE article_id = OLD.article_id AND actor_id = OLD.source_id; DELETE FROM article_actor_tally WHERE article_id = OLD.article_id AND actor_id = OLD.source_id AND mentions = 0 AND quotes = 0 AND claims = 0; UPDATE article_mode_tally SET claims = claims - 1 WHERE article_id = OLD.article_id AND attribution_mode = OLD.attribution_mode; DELETE FROM article_mode_tally WHERE article_id = OLD.article_id AND attribution_mode = OLD.attribution_mode AND claims = 0; END;
CREATE TRIGGER tally_claim_update AFTER UPDATE OF article_id, source_id, attribution_mode ON claim BEGIN UPDATE article_actor_tally SET mentions = mentions - (0), quotes = quotes - (0), words_quoted = words_quoted - (0), claims = claims - (1) WHERE article_id = OLD.article_id AND actor_id = OLD.source_id; DELETE FROM article_actor_tally WHERE article_id = OLD.article_id AND actor_id = OLD.source_id AND mentions = 0 AND quotes = 0 AND claims = 0; UPDATE article_mode_tally SET claims = claims - 1 WHERE article_id = OLD.article_id AND attribution_mode = OLD.attribution_mode; DELETE FROM article_mode_tally WHERE article_id = OLD.article_id AND attribution_mode = OLD.attribution_mode AND claims = 0; INSERT INTO article_actor_tally (article_id, actor_id, published_date, mentions, quotes, words_quoted, claims) SELECT NEW.article_id, NEW.source_id, a.published_date, 0, 0, 0, 1 FROM article a WHERE a.id = NEW.article_id AND NEW.source_id IS NOT NULL ON CONFLICT (article_id, actor_id) DO UPDATE SET mentions = article_actor_tally.mentions + excluded.mentions, quotes = article_actor_tally.quotes + excluded.quotes, words_quoted = article_actor_tally.words_quoted + excluded.words_quoted, claims = article_actor_tally.claims + excluded.claims; INSERT INTO article_mode_tally (article_id, attribution_mode, published_date, claims) SELECT NEW.article_id, NEW.attribution_mode, a.published_date, 1 FROM article a WHERE a.id = NEW.article_id ON CONFLICT (article_id, attribution_mode) DO UPDATE SET claims = article_mode_tally.claims + 1; END;
CREATE TRIGGER tally_article_date AFTER UPDATE OF published_date ON article WHEN OLD.published_date IS NOT NEW.published_date BEGIN UPDATE article_actor_tally SET published_date = NEW.published_date WHERE article_id = NEW.id; UPDATE article_mode_tally SET published_date = NEW.published_date WHERE article_id = NEW.id; END;
CREATE VIEW v_attribution_summary AS 
SELECT
    a.slug AS article,
    t.published_date AS published_date,
    SUM(t.claims) AS claims,
    SUM(CASE WHEN t.attribution_mode IN ('named_person', 'institution') THEN t.claims ELSE 0 END) AS named_claims,
    CAST(SUM(CASE WHEN t.attribution_mode IN ('named_person', 'institution') THEN t.claims ELSE 0 END) AS DOUBLE PRECISION) / SUM(t.claims) AS named_share,
    SUM(CASE WHEN t.attribution_mode IN ('passive', 'writer') THEN 0 ELSE t.claims END) AS sourced_claims,
    CAST(SUM(CASE WHEN t.attribution_mode IN ('passive', 'writer') THEN 0 ELSE t.claims END) AS DOUBLE PRECISION) / SUM(t.claims) AS sourced_share,
    SUM(CASE WHEN t.attribution_mode = 'passive' THEN t.claims ELSE 0 END) AS passive_claims,
    SUM(CASE WHEN t.attribution_mode = 'writer' THEN t.claims ELSE 0 END) AS writer_claims
FROM article_mode_tally t
JOIN article a ON a.id = t.article_id
GROUP BY t.article_id, a.slug, t.published_date;
CREATE VIEW v_source_geography AS 
SELECT
    src.slug AS article,
    src.published_date AS published_date,
    CAST('source' AS VARCHAR(10)) AS side,
    s.slug AS subject_slug,
    s.name AS subject,
    f.location AS place,
    COALESCE(s.country, o.country, parent.country) AS country,
    CAST(CASE WHEN s.kind = 'person' THEN 'named person' WHEN s.kind = 'anonymous' THEN 'unnamed individual' WHEN s.kind IN ('collective', 'population') THEN 'collective' ELSE 'institution' END AS VARCHAR(40)) AS detail,
    CAST(NULL AS VARCHAR(200)) AS event_slug
FROM (
        SELECT DISTINCT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, q.speaker_id AS actor_id
        FROM article a JOIN quote q ON q.article_id = a.id
        UNION ALL
        SELECT DISTINCT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, c.source_id
        FROM article a JOIN claim c ON c.article_id = a.id
        WHERE c.source_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM quote q
                WHERE q.article_id = a.id AND q.speaker_id = c.source_id)
    ) src
JOIN actor s ON s.id = src.actor_id
LEFT JOIN affiliation f ON f.id = (SELECT f2.id FROM affiliation f2 WHERE f2.article_id = src.article_id AND f2.person_id = src.actor_id ORDER BY f2.span_start LIMIT 1)
LEFT JOIN actor o ON o.id = f.organisation_id
LEFT JOIN actor parent ON parent.id = s.parent_id
UNION ALL
SELECT
    ae.slug, ae.published_date, 'event', e.slug, e.name, e.location, e.country, e.event_type,
    e.slug
FROM (
        SELECT DISTINCT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, em.event_id AS event_id
        FROM article a JOIN event_mention em ON em.article_id = a.id
        UNION ALL
        SELECT DISTINCT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, ce.event_id
        FROM article a JOIN claim c ON c.article_id = a.id
        JOIN claim_event ce ON ce.claim_id = c.id
        WHERE NOT EXISTS (SELECT 1 FROM event_mention em
            WHERE em.article_id = a.id AND em.event_id = ce.event_id)
    ) ae
JOIN event e ON e.id = ae.event_id
UNION ALL
SELECT
    ae.slug, ae.published_date, 'party', x.slug, x.name, x.name, x.country, ep.role, e.slug
FROM (
        SELECT DISTINCT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, em.event_id AS event_id
        FROM article a JOIN event_mention em ON em.article_id = a.id
        UNION ALL
        SELECT DISTINCT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, ce.event_id
        FROM article a JOIN claim c ON c.article_id = a.id
        JOIN claim_event ce ON ce.claim_id = c.id
        WHERE NOT EXISTS (SELECT 1 FROM event_mention em
            WHERE em.article_id = a.id AND em.event_id = ce.event_id)
    ) ae
JOIN event e ON e.id = ae.event_id
JOIN event_participant ep ON ep.event_id = e.id AND ep.article_id = ae.article_id
JOIN actor x ON x.id = ep.actor_id
WHERE x.kind = 'state';
CREATE TRIGGER support_claim_insert AFTER INSERT ON claim BEGIN INSERT INTO claim_support_tally (claim_id, article_id, published_date, attribution_mode, sources, conflicting_claims) SELECT NEW.id, NEW.article_id, a.published_date, NEW.attribution_mode, 0, 0 FROM article a WHERE a.id = NEW.article_id; UPDATE claim_support_tally SET sources = (SELECT COUNT(*) FROM (
    SELECT c.source_id AS actor_id FROM claim c WHERE c.id = claim_support_tally.claim_id AND c.source_id IS NOT NULL
    UNION SELECT q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        WHERE cq.claim_id = claim_support_tally.claim_id
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL) s), conflicting_claims = (SELECT COUNT(*) FROM (
    SELECT r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts'
    UNION SELECT r.claim_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts') k) WHERE claim_id IN (SELECT NEW.id); UPDATE claim_support_tally SET sources = (SELECT COUNT(*) FROM (
    SELECT c.source_id AS actor_id FROM claim c WHERE c.id = claim_support_tally.claim_id AND c.source_id IS NOT NULL
    UNION SELECT q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        WHERE cq.claim_id = claim_support_tally.claim_id
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL) s), conflicting_claims = (SELECT COUNT(*) FROM (
    SELECT r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts'
    UNION SELECT r.claim_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts') k) WHERE claim_id IN (SELECT other_claim_id FROM claim_relation WHERE claim_id = NEW.id UNION SELECT claim_id FROM claim_relation WHERE other_claim_id = NEW.id); END;
CREATE TRIGGER support_claim_delete AFTER DELETE ON claim BEGIN DELETE FROM claim_support_tally WHERE claim_id = OLD.id; UPDATE claim_support_tally SET sources = (SELECT COUNT(*) FROM (
    SELECT c.source_id AS actor_id FROM claim c WHERE c.id = claim_support_tally.claim_id AND c.source_id IS NOT NULL
    UNION SELECT q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        WHERE cq.claim_id = claim_support_tally.claim_id
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL) s), conflicting_claims = (SELECT COUNT(*) FROM (
    SELECT r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts'
    UNION SELECT r.claim_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts') k) WHERE claim_id IN (SELECT other_claim_id FROM claim_relation WHERE claim_id = OLD.id UNION SELECT claim_id FROM claim_relation WHERE other_claim_id = OLD.id); END;
CREATE TRIGGER support_claim_update AFTER UPDATE OF id, article_id, attribution_mode, source_id ON claim BEGIN DELETE FROM claim_support_tally WHERE claim_id = OLD.id; UPDATE claim_support_tally SET sources = (SELECT COUNT(*) FROM (
    SELECT c.source_id AS actor_id FROM claim c WHERE c.id = claim_support_tally.claim_id AND c.source_id IS NOT NULL
    UNION SELECT q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        WHERE cq.claim_id = claim_support_tally.claim_id
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL) s), conflicting_claims = (SELECT COUNT(*) FROM (
    SELECT r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts'
    UNION SELECT r.claim_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts') k) WHERE claim_id IN (SELECT other_claim_id FROM claim_relation WHERE claim_id = OLD.id UNION SELECT claim_id FROM claim_relation WHERE other_claim_id = OLD.id); INSERT INTO claim_support_tally (claim_id, article_id, published_date, attribution_mode, sources, conflicting_claims) SELECT NEW.id, NEW.article_id, a.published_date, NEW.attribution_mode, 0, 0 FROM article a WHERE a.id = NEW.article_id; UPDATE claim_support_tally SET sources = (SELECT COUNT(*) FROM (
    SELECT c.source_id AS actor_id FROM claim c WHERE c.id = claim_support_tally.claim_id AND c.source_id IS NOT NULL
    UNION SELECT q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        WHERE cq.claim_id = claim_support_tally.claim_id
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL) s), conflicting_claims = (SELECT COUNT(*) FROM (
    SELECT r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts'
    UNION SELECT r.claim_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts') k) WHERE claim_id IN (SELECT NEW.id); UPDATE claim_support_tally SET sources = (SELECT COUNT(*) FROM (
    SELECT c.source_id AS actor_id FROM claim c WHERE c.id = claim_support_tally.claim_id AND c.source_id IS NOT NULL
    UNION SELECT q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        WHERE cq.claim_id = claim_support_tally.claim_id
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL) s), conflicting_claims = (SELECT COUNT(*) FROM (
    SELECT r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts'
    UNION SELECT r.claim_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts') k) WHERE claim_id IN (SELECT other_claim_id FROM claim_relation WHERE claim_id = NEW.id UNION SELECT claim_id FROM claim_relation WHERE other_claim_id = NEW.id); END;
CREATE TRIGGER support_claim_quote_insert AFTER INSERT ON claim_quote BEGIN UPDATE claim_support_tally SET sources = (SELECT COUNT(*) FROM (
    SELECT c.source_id AS actor_id FROM claim c WHERE c.id = claim_support_tally.claim_id AND c.source_id IS NOT NULL
    UNION SELECT q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        WHERE cq.claim_id = claim_support_tally.claim_id
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL) s), conflicting_claims = (SELECT COUNT(*) FROM (
    SELECT r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts'
    UNION SELECT r.claim_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts') k) WHERE claim_id IN (SELECT NEW.claim_id); END;
CREATE TRIGGER support_claim_quote_delete AFTER DELETE ON claim_quote BEGIN UPDATE claim_support_tally SET sources = (SELECT COUNT(*) FROM (
    SELECT c.source_id AS actor_id FROM claim c WHERE c.id = claim_support_tally.claim_id AND c.source_id IS NOT NULL
    UNION SELECT q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        WHERE cq.claim_id = claim_support_tally.claim_id
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL) s), conflicting_claims = (SELECT COUNT(*) FROM (
    SELECT r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts'
    UNION SELECT r.claim_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts') k) WHERE claim_id IN (SELECT OLD.claim_id); END;
CREATE TRIGGER support_claim_quote_update AFTER UPDATE OF claim_id, quote_id ON claim_quote BEGIN UPDATE claim_support_tally SET sources = (SELECT COUNT(*) FROM (
    SELECT c.source_id AS actor_id FROM claim c WHERE c.id = claim_support_tally.claim_id AND c.source_id IS NOT NULL
    UNION SELECT q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        WHERE cq.claim_id = claim_support_tally.claim_id
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL) s), conflicting_claims = (SELECT COUNT(*) FROM (
    SELECT r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts'
    UNION SELECT r.claim_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts') k) WHERE claim_id IN (SELECT OLD.claim_id); UPDATE claim_support_tally SET sources = (SELECT COUNT(*) FROM (
    SELECT c.source_id AS actor_id FROM claim c WHERE c.id = claim_support_tally.claim_id AND c.source_id IS NOT NULL
    UNION SELECT q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        WHERE cq.claim_id = claim_support_tally.claim_id
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL) s), conflicting_claims = (SELECT COUNT(*) FROM (
    SELECT r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts'
    UNION SELECT r.claim_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts') k) WHERE claim_id IN (SELECT NEW.claim_id); END;
CREATE TRIGGER support_claim_relation_insert AFTER INSERT ON claim_relation BEGIN UPDATE claim_support_tally SET sources = (SELECT COUNT(*) FROM (
    SELECT c.source_id AS actor_id FROM claim c WHERE c.id = claim_support_tally.claim_id AND c.source_id IS NOT NULL
    UNION SELECT q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        WHERE cq.claim_id = claim_support_tally.claim_id
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL) s), conflicting_claims = (SELECT COUNT(*) FROM (
    SELECT r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts'
    UNION SELECT r.claim_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts') k) WHERE claim_id IN (SELECT NEW.claim_id UNION SELECT NEW.other_claim_id); END;
CREATE TRIGGER support_claim_relation_delete AFTER DELETE ON claim_relation BEGIN UPDATE claim_support_tally SET sources = (SELECT COUNT(*) FROM (
    SELECT c.source_id AS actor_id FROM claim c WHERE c.id = claim_support_tally.claim_id AND c.source_id IS NOT NULL
    UNION SELECT q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        WHERE cq.claim_id = claim_support_tally.claim_id
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL) s), conflicting_claims = (SELECT COUNT(*) FROM (
    SELECT r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts'
    UNION SELECT r.claim_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts') k) WHERE claim_id IN (SELECT OLD.claim_id UNION SELECT OLD.other_claim_id); END;
CREATE TRIGGER support_claim_relation_update AFTER UPDATE OF claim_id, other_claim_id, relation ON claim_relation BEGIN UPDATE claim_support_tally SET sources = (SELECT COUNT(*) FROM (
    SELECT c.source_id AS actor_id FROM claim c WHERE c.id = claim_support_tally.claim_id AND c.source_id IS NOT NULL
    UNION SELECT q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        WHERE cq.claim_id = claim_support_tally.claim_id
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL) s), conflicting_claims = (SELECT COUNT(*) FROM (
    SELECT r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts'
    UNION SELECT r.claim_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts') k) WHERE claim_id IN (SELECT OLD.claim_id UNION SELECT OLD.other_claim_id); UPDATE claim_support_tally SET sources = (SELECT COUNT(*) FROM (
    SELECT c.source_id AS actor_id FROM claim c WHERE c.id = claim_support_tally.claim_id AND c.source_id IS NOT NULL
    UNION SELECT q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        WHERE cq.claim_id = claim_support_tally.claim_id
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL) s), conflicting_claims = (SELECT COUNT(*) FROM (
    SELECT r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts'
    UNION SELECT r.claim_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts') k) WHERE claim_id IN (SELECT NEW.claim_id UNION SELECT NEW.other_claim_id); END;
CREATE TRIGGER support_quote_insert AFTER INSERT ON quote BEGIN UPDATE claim_support_tally SET sources = (SELECT COUNT(*) FROM (
    SELECT c.source_id AS actor_id FROM claim c WHERE c.id = claim_support_tally.claim_id AND c.source_id IS NOT NULL
    UNION SELECT q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        WHERE cq.claim_id = claim_support_tally.claim_id
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL) s), conflicting_claims = (SELECT COUNT(*) FROM (
    SELECT r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts'
    UNION SELECT r.claim_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts') k) WHERE claim_id IN (SELECT claim_id FROM claim_quote WHERE quote_id = NEW.id); END;
CREATE TRIGGER support_quote_delete AFTER DELETE ON quote BEGIN UPDATE claim_support_tally SET sources = (SELECT COUNT(*) FROM (
    SELECT c.source_id AS actor_id FROM claim c WHERE c.id = claim_support_tally.claim_id AND c.source_id IS NOT NULL
    UNION SELECT q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        WHERE cq.claim_id = claim_support_tally.claim_id
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL) s), conflicting_claims = (SELECT COUNT(*) FROM (
    SELECT r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts'
    UNION SELECT r.claim_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts') k) WHERE claim_id IN (SELECT claim_id FROM claim_quote WHERE quote_id = OLD.id); END;
CREATE TRIGGER support_quote_update AFTER UPDATE OF id, speaker_id ON quote BEGIN UPDATE claim_support_tally SET sources = (SELECT COUNT(*) FROM (
    SELECT c.source_id AS actor_id FROM claim c WHERE c.id = claim_support_tally.claim_id AND c.source_id IS NOT NULL
    UNION SELECT q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        WHERE cq.claim_id = claim_support_tally.claim_id
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL) s), conflicting_claims = (SELECT COUNT(*) FROM (
    SELECT r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts'
    UNION SELECT r.claim_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts') k) WHERE claim_id IN (SELECT claim_id FROM claim_quote WHERE quote_id = OLD.id); UPDATE claim_support_tally SET sources = (SELECT COUNT(*) FROM (
    SELECT c.source_id AS actor_id FROM claim c WHERE c.id = claim_support_tally.claim_id AND c.source_id IS NOT NULL
    UNION SELECT q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        WHERE cq.claim_id = claim_support_tally.claim_id
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'corroborates' AND o.source_id IS NOT NULL) s), conflicting_claims = (SELECT COUNT(*) FROM (
    SELECT r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts'
    UNION SELECT r.claim_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = claim_support_tally.claim_id AND r.relation = 'conflicts') k) WHERE claim_id IN (SELECT claim_id FROM claim_quote WHERE quote_id = NEW.id); END;
CREATE TRIGGER support_article_date AFTER UPDATE OF published_date ON article WHEN OLD.published_date IS NOT NEW.published_date BEGIN UPDATE claim_support_tally SET published_date = NEW.published_date WHERE article_id = NEW.id; END;
CREATE TRIGGER network_article_date AFTER UPDATE OF published_date ON article WHEN OLD.published_date IS NOT NEW.published_date BEGIN UPDATE article_network_tally SET published_date = NEW.published_date WHERE article_id = NEW.id; END;
CREATE VIEW v_quote_network AS 
SELECT
    a.slug AS article,
    t.published_date AS published_date,
    s.slug AS speaker_slug,
    s.name AS speaker,
    s.kind AS speaker_kind,
    x.slug AS mentioned_slug,
    x.name AS mentioned,
    x.kind AS mentioned_kind,
    t.quotes AS quotes,
    t.mentions AS mentions
FROM article_network_tally t
JOIN article a ON a.id = t.article_id
JOIN actor s ON s.id = t.speaker_id
JOIN actor x ON x.id = t.mentioned_id;
CREATE TRIGGER geography_article_actor_tally_insert AFTER INSERT ON article_actor_tally WHEN (NEW.quotes + NEW.claims > 0) BEGIN DELETE FROM article_geography_tally WHERE article_id = NEW.article_id AND side = 'source' AND subject_id = NEW.actor_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT g.article_id, g.side, g.subject_id, a.published_date, g.country, g.place FROM (
    SELECT src.article_id, 'source' AS side, src.actor_id AS subject_id,
        COALESCE(s.country, o.country, parent.country) AS country, f.location AS place
    FROM (
        SELECT q.article_id, q.speaker_id AS actor_id FROM quote q WHERE q.article_id = NEW.article_id AND q.speaker_id = NEW.actor_id
        UNION
        SELECT c.article_id, c.source_id FROM claim c WHERE c.source_id IS NOT NULL AND c.article_id = NEW.article_id AND c.source_id = NEW.actor_id
    ) src
    JOIN actor s ON s.id = src.actor_id
    LEFT JOIN affiliation f ON f.id = (
        SELECT f2.id FROM affiliation f2
        WHERE f2.article_id = src.article_id AND f2.person_id = src.actor_id
        ORDER BY f2.span_start LIMIT 1
    )
    LEFT JOIN actor o ON o.id = f.organisation_id
    LEFT JOIN actor parent ON parent.id = s.parent_id) g JOIN article a ON a.id = g.article_id; END;
CREATE TRIGGER geography_article_actor_tally_delete AFTER DELETE ON article_actor_tally WHEN (OLD.quotes + OLD.claims > 0) BEGIN DELETE FROM article_geography_tally WHERE article_id = OLD.article_id AND side = 'source' AND subject_id = OLD.actor_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT g.article_id, g.side, g.subject_id, a.published_date, g.country, g.place FROM (
    SELECT src.article_id, 'source' AS side, src.actor_id AS subject_id,
        COALESCE(s.country, o.country, parent.country) AS country, f.location AS place
    FROM (
        SELECT q.article_id, q.speaker_id AS actor_id FROM quote q WHERE q.article_id = OLD.article_id AND q.speaker_id = OLD.actor_id
        UNION
        SELECT c.article_id, c.source_id FROM claim c WHERE c.source_id IS NOT NULL AND c.article_id = OLD.article_id AND c.source_id = OLD.actor_id
    ) src
    JOIN actor s ON s.id = src.actor_id
    LEFT JOIN affiliation f ON f.id = (
        SELECT f2.id FROM affiliation f2
        WHERE f2.article_id = src.article_id AND f2.person_id = src.actor_id
        ORDER BY f2.span_start LIMIT 1
    )
    LEFT JOIN actor o ON o.id = f.organisation_id
    LEFT JOIN actor parent ON parent.id = s.parent_id) g JOIN article a ON a.id = g.article_id; END;
CREATE TRIGGER geography_article_actor_tally_update AFTER UPDATE OF quotes, claims ON article_actor_tally WHEN (OLD.quotes + OLD.claims > 0) <> (NEW.quotes + NEW.claims > 0) BEGIN DELETE FROM article_geography_tally WHERE article_id = NEW.article_id AND side = 'source' AND subject_id = NEW.actor_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT g.article_id, g.side, g.subject_id, a.published_date, g.country, g.place FROM (
    SELECT src.article_id, 'source' AS side, src.actor_id AS subject_id,
        COALESCE(s.country, o.country, parent.country) AS country, f.location AS place
    FROM (
        SELECT q.article_id, q.speaker_id AS actor_id FROM quote q WHERE q.article_id = NEW.article_id AND q.speaker_id = NEW.actor_id
        UNION
        SELECT c.article_id, c.source_id FROM claim c WHERE c.source_id IS NOT NULL AND c.article_id = NEW.article_id AND c.source_id = NEW.actor_id
    ) src
    JOIN actor s ON s.id = src.actor_id
    LEFT JOIN affiliation f ON f.id = (
        SELECT f2.id FROM affiliation f2
        WHERE f2.article_id = src.article_id AND f2.person_id = src.actor_id
        ORDER BY f2.span_start LIMIT 1
    )
    LEFT JOIN actor o ON o.id = f.organisation_id
    LEFT JOIN actor parent ON parent.id = s.parent_id) g JOIN article a ON a.id = g.article_id; END;
CREATE TRIGGER geography_affiliation_insert AFTER INSERT ON affiliation BEGIN DELETE FROM article_geography_tally WHERE article_id = NEW.article_id AND side = 'source' AND subject_id = NEW.person_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT g.article_id, g.side, g.subject_id, a.published_date, g.country, g.place FROM (
    SELECT src.article_id, 'source' AS side, src.actor_id AS subject_id,
        COALESCE(s.country, o.country, parent.country) AS country, f.location AS place
    FROM (
        SELECT q.article_id, q.speaker_id AS actor_id FROM quote q WHERE q.article_id = NEW.article_id AND q.speaker_id = NEW.person_id
        UNION
        SELECT c.article_id, c.source_id FROM claim c WHERE c.source_id IS NOT NULL AND c.article_id = NEW.article_id AND c.source_id = NEW.person_id
    ) src
    JOIN actor s ON s.id = src.actor_id
    LEFT JOIN affiliation f ON f.id = (
        SELECT f2.id FROM affiliation f2
        WHERE f2.article_id = src.article_id AND f2.person_id = src.actor_id
        ORDER BY f2.span_start LIMIT 1
    )
    LEFT JOIN actor o ON o.id = f.organisation_id
    LEFT JOIN actor parent ON parent.id = s.parent_id) g JOIN article a ON a.id = g.article_id; END;
CREATE TRIGGER geography_affiliation_delete AFTER DELETE ON affiliation BEGIN DELETE FROM article_geography_tally WHERE article_id = OLD.article_id AND side = 'source' AND subject_id = OLD.person_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT g.article_id, g.side, g.subject_id, a.published_date, g.country, g.place FROM (
    SELECT src.article_id, 'source' AS side, src.actor_id AS subject_id,
        COALESCE(s.country, o.country, parent.country) AS country, f.location AS place
    FROM (
        SELECT q.article_id, q.speaker_id AS actor_id FROM quote q WHERE q.article_id = OLD.article_id AND q.speaker_id = OLD.person_id
        UNION
        SELECT c.article_id, c.source_id FROM claim c WHERE c.source_id IS NOT NULL AND c.article_id = OLD.article_id AND c.source_id = OLD.person_id
    ) src
    JOIN actor s ON s.id = src.actor_id
    LEFT JOIN affiliation f ON f.id = (
        SELECT f2.id FROM affiliation f2
        WHERE f2.article_id = src.article_id AND f2.person_id = src.actor_id
        ORDER BY f2.span_start LIMIT 1
    )
    LEFT JOIN actor o ON o.id = f.organisation_id
    LEFT JOIN actor parent ON parent.id = s.parent_id) g JOIN article a ON a.id = g.article_id; END;
CREATE TRIGGER geography_affiliation_update AFTER UPDATE OF article_id, person_id, organisation_id, location, span_start ON affiliation BEGIN DELETE FROM article_geography_tally WHERE article_id = OLD.article_id AND side = 'source' AND subject_id = OLD.person_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT g.article_id, g.side, g.subject_id, a.published_date, g.country, g.place FROM (
    SELECT src.article_id, 'source' AS side, src.actor_id AS subject_id,
        COALESCE(s.country, o.country, parent.country) AS country, f.location AS place
    FROM (
        SELECT q.article_id, q.speaker_id AS actor_id FROM quote q WHERE q.article_id = OLD.article_id AND q.speaker_id = OLD.person_id
        UNION
        SELECT c.article_id, c.source_id FROM claim c WHERE c.source_id IS NOT NULL AND c.article_id = OLD.article_id AND c.source_id = OLD.person_id
    ) src
    JOIN actor s ON s.id = src.actor_id
    LEFT JOIN affiliation f ON f.id = (
        SELECT f2.id FROM affiliation f2
        WHERE f2.article_id = src.article_id AND f2.person_id = src.actor_id
        ORDER BY f2.span_start LIMIT 1
    )
    LEFT JOIN actor o ON o.id = f.organisation_id
    LEFT JOIN actor parent ON parent.id = s.parent_id) g JOIN article a ON a.id = g.article_id; DELETE FROM article_geography_tally WHERE article_id = NEW.article_id AND side = 'source' AND subject_id = NEW.person_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT g.article_id, g.side, g.subject_id, a.published_date, g.country, g.place FROM (
    SELECT src.article_id, 'source' AS side, src.actor_id AS subject_id,
        COALESCE(s.country, o.country, parent.country) AS country, f.location AS place
    FROM (
        SELECT q.article_id, q.speaker_id AS actor_id FROM quote q WHERE q.article_id = NEW.article_id AND q.speaker_id = NEW.person_id
        UNION
        SELECT c.article_id, c.source_id FROM claim c WHERE c.source_id IS NOT NULL AND c.article_id = NEW.article_id AND c.source_id = NEW.person_id
    ) src
    JOIN actor s ON s.id = src.actor_id
    LEFT JOIN affiliation f ON f.id = (
        SELECT f2.id FROM affiliation f2
        WHERE f2.article_id = src.article_id AND f2.person_id = src.actor_id
        ORDER BY f2.span_start LIMIT 1
    )
    LEFT JOIN actor o ON o.id = f.organisation_id
    LEFT JOIN actor parent ON parent.id = s.parent_id) g JOIN article a ON a.id = g.article_id; END;
CREATE TRIGGER geography_claim_update AFTER UPDATE OF article_id ON claim BEGIN DELETE FROM article_geography_tally WHERE article_id = OLD.article_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT g.article_id, g.side, g.subject_id, a.published_date, g.country, g.place FROM (
    SELECT src.article_id, 'source' AS side, src.actor_id AS subject_id,
        COALESCE(s.country, o.country, parent.country) AS country, f.location AS place
    FROM (
        SELECT q.article_id, q.speaker_id AS actor_id FROM quote q WHERE q.article_id = OLD.article_id
        UNION
        SELECT c.article_id, c.source_id FROM claim c WHERE c.source_id IS NOT NULL AND c.article_id = OLD.article_id
    ) src
    JOIN actor s ON s.id = src.actor_id
    LEFT JOIN affiliation f ON f.id = (
        SELECT f2.id FROM affiliation f2
        WHERE f2.article_id = src.article_id AND f2.person_id = src.actor_id
        ORDER BY f2.span_start LIMIT 1
    )
    LEFT JOIN actor o ON o.id = f.organisation_id
    LEFT JOIN actor parent ON parent.id = s.parent_id UNION ALL 
    SELECT ae.article_id, 'event' AS side, e.id AS subject_id, e.country, e.location AS place
    FROM (SELECT em.article_id, em.event_id FROM event_mention em WHERE em.article_id = OLD.article_id UNION SELECT c.article_id, ce.event_id FROM claim c JOIN claim_event ce ON ce.claim_id = c.id WHERE c.article_id = OLD.article_id) ae
    JOIN event e ON e.id = ae.event_id UNION ALL 
    SELECT DISTINCT ae.article_id, 'party' AS side, x.id AS subject_id, x.country,
        x.name AS place
    FROM (SELECT em.article_id, em.event_id FROM event_mention em WHERE em.article_id = OLD.article_id UNION SELECT c.article_id, ce.event_id FROM claim c JOIN claim_event ce ON ce.claim_id = c.id WHERE c.article_id = OLD.article_id) ae
    JOIN event_participant ep ON ep.article_id = ae.article_id AND ep.event_id = ae.event_id
    JOIN actor x ON x.id = ep.actor_id WHERE x.kind = 'state') g JOIN article a ON a.id = g.article_id; DELETE FROM article_geography_tally WHERE article_id = NEW.article_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT g.article_id, g.side, g.subject_id, a.published_date, g.country, g.place FROM (
    SELECT src.article_id, 'source' AS side, src.actor_id AS subject_id,
        COALESCE(s.country, o.country, parent.country) AS country, f.location AS place
    FROM (
        SELECT q.article_id, q.speaker_id AS actor_id FROM quote q WHERE q.article_id = NEW.article_id
        UNION
        SELECT c.article_id, c.source_id FROM claim c WHERE c.source_id IS NOT NULL AND c.article_id = NEW.article_id
    ) src
    JOIN actor s ON s.id = src.actor_id
    LEFT JOIN affiliation f ON f.id = (
        SELECT f2.id FROM affiliation f2
        WHERE f2.article_id = src.article_id AND f2.person_id = src.actor_id
        ORDER BY f2.span_start LIMIT 1
    )
    LEFT JOIN actor o ON o.id = f.organisation_id
    LEFT JOIN actor parent ON parent.id = s.parent_id UNION ALL 
    SELECT ae.article_id, 'event' AS side, e.id AS subject_id, e.country, e.location AS place
    FROM (SELECT em.article_id, em.event_id FROM event_mention em WHERE em.article_id = NEW.article_id UNION SELECT c.article_id, ce.event_id FROM claim c JOIN claim_event ce ON ce.claim_id = c.id WHERE c.article_id = NEW.article_id) ae
    JOIN event e ON e.id = ae.event_id UNION ALL 
    SELECT DISTINCT ae.article_id, 'party' AS side, x.id AS subject_id, x.country,
        x.name AS place
    FROM (SELECT em.article_id, em.event_id FROM event_mention em WHERE em.article_id = NEW.article_id UNION SELECT c.article_id, ce.event_id FROM claim c JOIN claim_event ce ON ce.claim_id = c.id WHERE c.article_id = NEW.article_id) ae
    JOIN event_participant ep ON ep.article_id = ae.article_id AND ep.event_id = ae.event_id
    JOIN actor x ON x.id = ep.actor_id WHERE x.kind = 'state') g JOIN article a ON a.id = g.article_id; END;
CREATE TRIGGER geography_actor_update AFTER UPDATE OF country, parent_id, kind, name ON actor WHEN OLD.country IS NOT NEW.country OR OLD.parent_id IS NOT NEW.parent_id OR OLD.kind IS NOT NEW.kind OR OLD.name IS NOT NEW.name BEGIN DELETE FROM article_geography_tally WHERE article_id IN (SELECT article_id FROM article_actor_tally WHERE actor_id = NEW.id UNION SELECT article_id FROM event_participant WHERE actor_id = NEW.id UNION SELECT article_id FROM affiliation WHERE organisation_id = NEW.id UNION SELECT t.article_id FROM actor child JOIN article_actor_tally t ON t.actor_id = child.id WHERE child.parent_id = NEW.id); INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT g.article_id, g.side, g.subject_id, a.published_date, g.country, g.place FROM (
    SELECT src.article_id, 'source' AS side, src.actor_id AS subject_id,
        COALESCE(s.country, o.country, parent.country) AS country, f.location AS place
    FROM (
        SELECT q.article_id, q.speaker_id AS actor_id FROM quote q WHERE q.article_id IN (SELECT article_id FROM article_actor_tally WHERE actor_id = NEW.id UNION SELECT article_id FROM event_participant WHERE actor_id = NEW.id UNION SELECT article_id FROM affiliation WHERE organisation_id = NEW.id UNION SELECT t.article_id FROM actor child JOIN article_actor_tally t ON t.actor_id = child.id WHERE child.parent_id = NEW.id)
        UNION
        SELECT c.article_id, c.source_id FROM claim c WHERE c.source_id IS NOT NULL AND c.article_id IN (SELECT article_id FROM article_actor_tally WHERE actor_id = NEW.id UNION SELECT article_id FROM event_participant WHERE actor_id = NEW.id UNION SELECT article_id FROM affiliation WHERE organisation_id = NEW.id UNION SELECT t.article_id FROM actor child JOIN article_actor_tally t ON t.actor_id = child.id WHERE child.parent_id = NEW.id)
    ) src
    JOIN actor s ON s.id = src.actor_id
    LEFT JOIN affiliation f ON f.id = (
        SELECT f2.id FROM affiliation f2
        WHERE f2.article_id = src.article_id AND f2.person_id = src.actor_id
        ORDER BY f2.span_start LIMIT 1
    )
    LEFT JOIN actor o ON o.id = f.organisation_id
    LEFT JOIN actor parent ON parent.id = s.parent_id UNION ALL 
    SELECT ae.article_id, 'event' AS side, e.id AS subject_id, e.country, e.location AS place
    FROM (SELECT em.article_id, em.event_id FROM event_mention em WHERE em.article_id IN (SELECT article_id FROM article_actor_tally WHERE actor_id = NEW.id UNION SELECT article_id FROM event_participant WHERE actor_id = NEW.id UNION SELECT article_id FROM affiliation WHERE organisation_id = NEW.id UNION SELECT t.article_id FROM actor child JOIN article_actor_tally t ON t.actor_id = child.id WHERE child.parent_id = NEW.id) UNION SELECT c.article_id, ce.event_id FROM claim c JOIN claim_event ce ON ce.claim_id = c.id WHERE c.article_id IN (SELECT article_id FROM article_actor_tally WHERE actor_id = NEW.id UNION SELECT article_id FROM event_participant WHERE actor_id = NEW.id UNION SELECT article_id FROM affiliation WHERE organisation_id = NEW.id UNION SELECT t.article_id FROM actor child JOIN article_actor_tally t ON t.actor_id = child.id WHERE child.parent_id = NEW.id)) ae
    JOIN event e ON e.id = ae.event_id UNION ALL 
    SELECT DISTINCT ae.article_id, 'party' AS side, x.id AS subject_id, x.country,
        x.name AS place
    FROM (SELECT em.article_id, em.event_id FROM event_mention em WHERE em.article_id IN (SELECT article_id FROM article_actor_tally WHERE actor_id = NEW.id UNION SELECT article_id FROM event_participant WHERE actor_id = NEW.id UNION SELECT article_id FROM affiliation WHERE organisation_id = NEW.id UNION SELECT t.article_id FROM actor child JOIN article_actor_tally t ON t.actor_id = child.id WHERE child.parent_id = NEW.id) UNION SELECT c.article_id, ce.event_id FROM claim c JOIN claim_event ce ON ce.claim_id = c.id WHERE c.article_id IN (SELECT article_id FROM article_actor_tally WHERE actor_id = NEW.id UNION SELECT article_id FROM event_participant WHERE actor_id = NEW.id UNION SELECT article_id FROM affiliation WHERE organisation_id = NEW.id UNION SELECT t.article_id FROM actor child JOIN article_actor_tally t ON t.actor_id = child.id WHERE child.parent_id = NEW.id)) ae
    JOIN event_participant ep ON ep.article_id = ae.article_id AND ep.event_id = ae.event_id
    JOIN actor x ON x.id = ep.actor_id WHERE x.kind = 'state') g JOIN article a ON a.id = g.article_id; END;
CREATE TRIGGER geography_event_update AFTER UPDATE OF country, location ON event WHEN OLD.country IS NOT NEW.country OR OLD.location IS NOT NEW.location BEGIN DELETE FROM article_geography_tally WHERE article_id IN (SELECT article_id FROM event_mention WHERE event_id = NEW.id UNION SELECT c.article_id FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = NEW.id); INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT g.article_id, g.side, g.subject_id, a.published_date, g.country, g.place FROM (
    SELECT src.article_id, 'source' AS side, src.actor_id AS subject_id,
        COALESCE(s.country, o.country, parent.country) AS country, f.location AS place
    FROM (
        SELECT q.article_id, q.speaker_id AS actor_id FROM quote q WHERE q.article_id IN (SELECT article_id FROM event_mention WHERE event_id = NEW.id UNION SELECT c.article_id FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = NEW.id)
        UNION
        SELECT c.article_id, c.source_id FROM claim c WHERE c.source_id IS NOT NULL AND c.article_id IN (SELECT article_id FROM event_mention WHERE event_id = NEW.id UNION SELECT c.article_id FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = NEW.id)
    ) src
    JOIN actor s ON s.id = src.actor_id
    LEFT JOIN affiliation f ON f.id = (
        SELECT f2.id FROM affiliation f2
        WHERE f2.article_id = src.article_id AND f2.person_id = src.actor_id
        ORDER BY f2.span_start LIMIT 1
    )
    LEFT JOIN actor o ON o.id = f.organisation_id
    LEFT JOIN actor parent ON parent.id = s.parent_id UNION ALL 
    SELECT ae.article_id, 'event' AS side, e.id AS subject_id, e.country, e.location AS place
    FROM (SELECT em.article_id, em.event_id FROM event_mention em WHERE em.article_id IN (SELECT article_id FROM event_mention WHERE event_id = NEW.id UNION SELECT c.article_id FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = NEW.id) UNION SELECT c.article_id, ce.event_id FROM claim c JOIN claim_event ce ON ce.claim_id = c.id WHERE c.article_id IN (SELECT article_id FROM event_mention WHERE event_id = NEW.id UNION SELECT c.article_id FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = NEW.id)) ae
    JOIN event e ON e.id = ae.event_id UNION ALL 
    SELECT DISTINCT ae.article_id, 'party' AS side, x.id AS subject_id, x.country,
        x.name AS place
    FROM (SELECT em.article_id, em.event_id FROM event_mention em WHERE em.article_id IN (SELECT article_id FROM event_mention WHERE event_id = NEW.id UNION SELECT c.article_id FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = NEW.id) UNION SELECT c.article_id, ce.event_id FROM claim c JOIN claim_event ce ON ce.claim_id = c.id WHERE c.article_id IN (SELECT article_id FROM event_mention WHERE event_id = NEW.id UNION SELECT c.article_id FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = NEW.id)) ae
    JOIN event_participant ep ON ep.article_id = ae.article_id AND ep.event_id = ae.event_id
    JOIN actor x ON x.id = ep.actor_id WHERE x.kind = 'state') g JOIN article a ON a.id = g.article_id; END;
CREATE TRIGGER geography_article_date AFTER UPDATE OF published_date ON article WHEN OLD.published_date IS NOT NEW.published_date BEGIN UPDATE article_geography_tally SET published_date = NEW.published_date WHERE article_id = NEW.id; END;
CREATE VIEW v_geography_tally AS 
SELECT
    a.slug AS article,
    t.published_date AS published_date,
    t.side AS side,
    COALESCE(x.slug, e.slug) AS subject_slug,
    COALESCE(x.name, e.name) AS subject,
    t.place AS place,
    t.country AS country
FROM article_geography_tally t
LEFT JOIN article a ON a.id = t.article_id
LEFT JOIN actor x ON t.side <> 'event' AND x.id = t.subject_id
LEFT JOIN event e ON t.side = 'event' AND e.id = t.subject_id;
CREATE TRIGGER network_quote_insert AFTER INSERT ON quote BEGIN UPDATE article_network_tally SET quotes = article_network_tally.quotes + d.dq, mentions = article_network_tally.mentions + d.dm FROM (
    SELECT q.article_id, q.speaker_id, m.actor_id AS mentioned_id,
        COUNT(DISTINCT q.id) AS dq, COUNT(*) AS dm
    FROM (SELECT NEW.id AS id, NEW.article_id AS article_id, NEW.speaker_id AS speaker_id, NEW.span_start AS span_start, NEW.span_end AS span_end) q
    JOIN mention m ON m.article_id = q.article_id
        AND q.span_start <= m.span_start AND m.span_end <= q.span_end
        AND m.actor_id <> q.speaker_id
    GROUP BY q.article_id, q.speaker_id, m.actor_id) d WHERE article_network_tally.article_id = d.article_id AND article_network_tally.speaker_id = d.speaker_id AND article_network_tally.mentioned_id = d.mentioned_id; INSERT INTO article_network_tally (article_id, speaker_id, mentioned_id, published_date, quotes, mentions) SELECT d.article_id, d.speaker_id, d.mentioned_id, a.published_date, d.dq, d.dm FROM (
    SELECT q.article_id, q.speaker_id, m.actor_id AS mentioned_id,
        COUNT(DISTINCT q.id) AS dq, COUNT(*) AS dm
    FROM (SELECT NEW.id AS id, NEW.article_id AS article_id, NEW.speaker_id AS speaker_id, NEW.span_start AS span_start, NEW.span_end AS span_end) q
    JOIN mention m ON m.article_id = q.article_id
        AND q.span_start <= m.span_start AND m.span_end <= q.span_end
        AND m.actor_id <> q.speaker_id
    GROUP BY q.article_id, q.speaker_id, m.actor_id) d JOIN article a ON a.id = d.article_id WHERE NOT EXISTS (SELECT 1 FROM article_network_tally t WHERE t.article_id = d.article_id AND t.speaker_id = d.speaker_id AND t.mentioned_id = d.mentioned_id); END;
CREATE TRIGGER network_quote_delete AFTER DELETE ON quote BEGIN DELETE FROM article_network_tally WHERE (article_id, speaker_id, mentioned_id) IN (SELECT d.article_id, d.speaker_id, d.mentioned_id FROM (
    SELECT q.article_id, q.speaker_id, m.actor_id AS mentioned_id,
        -COUNT(DISTINCT q.id) AS dq, -COUNT(*) AS dm
    FROM (SELECT OLD.id AS id, OLD.article_id AS article_id, OLD.speaker_id AS speaker_id, OLD.span_start AS span_start, OLD.span_end AS span_end) q
    JOIN mention m ON m.article_id = q.article_id
        AND q.span_start <= m.span_start AND m.span_end <= q.span_end
        AND m.actor_id <> q.speaker_id
    GROUP BY q.article_id, q.speaker_id, m.actor_id) d JOIN article_network_tally t ON t.article_id = d.article_id AND t.speaker_id = d.speaker_id AND t.mentioned_id = d.mentioned_id WHERE t.quotes + d.dq = 0); UPDATE article_network_tally SET quotes = article_network_tally.quotes + d.dq, mentions = article_network_tally.mentions + d.dm FROM (
    SELECT q.article_id, q.speaker_id, m.actor_id AS mentioned_id,
        -COUNT(DISTINCT q.id) AS dq, -COUNT(*) AS dm
    FROM (SELECT OLD.id AS id, OLD.article_id AS article_id, OLD.speaker_id AS speaker_id, OLD.span_start AS span_start, OLD.span_end AS span_end) q
    JOIN mention m ON m.article_id = q.article_id
        AND q.span_start <= m.span_start AND m.span_end <= q.span_end
        AND m.actor_id <> q.speaker_id
    GROUP BY q.article_id, q.speaker_id, m.actor_id) d WHERE article_network_tally.article_id = d.article_id AND article_network_tally.speaker_id = d.speaker_id AND article_network_tally.mentioned_id = d.mentioned_id; END;
CREATE TRIGGER network_quote_update AFTER UPDATE OF article_id, speaker_id, span_start, span_end ON quote BEGIN DELETE FROM article_network_tally WHERE (article_id, speaker_id, mentioned_id) IN (SELECT d.article_id, d.speaker_id, d.mentioned_id FROM (
    SELECT q.article_id, q.speaker_id, m.actor_id AS mentioned_id,
        -COUNT(DISTINCT q.id) AS dq, -COUNT(*) AS dm
    FROM (SELECT OLD.id AS id, OLD.article_id AS article_id, OLD.speaker_id AS speaker_id, OLD.span_start AS span_start, OLD.span_end AS span_end) q
    JOIN mention m ON m.article_id = q.article_id
        AND q.span_start <= m.span_start AND m.span_end <= q.span_end
        AND m.actor_id <> q.speaker_id
    GROUP BY q.article_id, q.speaker_id, m.actor_id) d JOIN article_network_tally t ON t.article_id = d.article_id AND t.speaker_id = d.speaker_id AND t.mentioned_id = d.mentioned_id WHERE t.quotes + d.dq = 0); UPDATE article_network_tally SET quotes = article_network_tally.quotes + d.dq, mentions = article_network_tally.mentions + d.dm FROM (
    SELECT q.article_id, q.speaker_id, m.actor_id AS mentioned_id,
        -COUNT(DISTINCT q.id) AS dq, -COUNT(*) AS dm
    FROM (SELECT OLD.id AS id, OLD.article_id AS article_id, OLD.speaker_id AS speaker_id, OLD.span_start AS span_start, OLD.span_end AS span_end) q
    JOIN mention m ON m.article_id = q.article_id
        AND q.span_start <= m.span_start AND m.span_end <= q.span_end
        AND m.actor_id <> q.speaker_id
    GROUP BY q.article_id, q.speaker_id, m.actor_id) d WHERE article_network_tally.article_id = d.article_id AND article_network_tally.speaker_id = d.speaker_id AND article_network_tally.mentioned_id = d.mentioned_id; UPDATE article_network_tally SET quotes = article_network_tally.quotes + d.dq, mentions = article_network_tally.mentions + d.dm FROM (
    SELECT q.article_id, q.speaker_id, m.actor_id AS mentioned_id,
        COUNT(DISTINCT q.id) AS dq, COUNT(*) AS dm
    FROM (SELECT NEW.id AS id, NEW.article_id AS article_id, NEW.speaker_id AS speaker_id, NEW.span_start AS span_start, NEW.span_end AS span_end) q
    JOIN mention m ON m.article_id = q.article_id
        AND q.span_start <= m.span_start AND m.span_end <= q.span_end
        AND m.actor_id <> q.speaker_id
    GROUP BY q.article_id, q.speaker_id, m.actor_id) d WHERE article_network_tally.article_id = d.article_id AND article_network_tally.speaker_id = d.speaker_id AND article_network_tally.mentioned_id = d.mentioned_id; INSERT INTO article_network_tally (article_id, speaker_id, mentioned_id, published_date, quotes, mentions) SELECT d.article_id, d.speaker_id, d.mentioned_id, a.published_date, d.dq, d.dm FROM (
    SELECT q.article_id, q.speaker_id, m.actor_id AS mentioned_id,
        COUNT(DISTINCT q.id) AS dq, COUNT(*) AS dm
    FROM (SELECT NEW.id AS id, NEW.article_id AS article_id, NEW.speaker_id AS speaker_id, NEW.span_start AS span_start, NEW.span_end AS span_end) q
    JOIN mention m ON m.article_id = q.article_id
        AND q.span_start <= m.span_start AND m.span_end <= q.span_end
        AND m.actor_id <> q.speaker_id
    GROUP BY q.article_id, q.speaker_id, m.actor_id) d JOIN article a ON a.id = d.article_id WHERE NOT EXISTS (SELECT 1 FROM article_network_tally t WHERE t.article_id = d.article_id AND t.speaker_id = d.speaker_id AND t.mentioned_id = d.mentioned_id); END;
CREATE TRIGGER network_mention_insert AFTER INSERT ON mention BEGIN UPDATE article_network_tally SET quotes = article_network_tally.quotes + d.dq, mentions = article_network_tally.mentions + d.dm FROM (
    SELECT p.article_id, p.speaker_id, p.actor_id AS mentioned_id,
        SUM(CASE WHEN p.pairs = (SELECT COUNT(*) FROM mention o WHERE o.article_id = p.article_id AND o.actor_id = p.actor_id AND p.span_start <= o.span_start AND o.span_end <= p.span_end) THEN 1 ELSE 0 END) AS dq,
        SUM(p.pairs) AS dm
    FROM (
        SELECT q.id, q.article_id, q.speaker_id, q.span_start, q.span_end, r.actor_id,
            COUNT(*) AS pairs
        FROM (SELECT NEW.id AS id, NEW.article_id AS article_id, NEW.actor_id AS actor_id, NEW.span_start AS span_start, NEW.span_end AS span_end) r
        JOIN quote q ON q.article_id = r.article_id
            AND q.span_start <= r.span_start AND r.span_end <= q.span_end
            AND q.speaker_id <> r.actor_id
        GROUP BY q.id, q.article_id, q.speaker_id, q.span_start, q.span_end, r.actor_id
    ) p
    GROUP BY p.article_id, p.speaker_id, p.actor_id) d WHERE article_network_tally.article_id = d.article_id AND article_network_tally.speaker_id = d.speaker_id AND article_network_tally.mentioned_id = d.mentioned_id; INSERT INTO article_network_tally (article_id, speaker_id, mentioned_id, published_date, quotes, mentions) SELECT d.article_id, d.speaker_id, d.mentioned_id, a.published_date, d.dq, d.dm FROM (
    SELECT p.article_id, p.speaker_id, p.actor_id AS mentioned_id,
        SUM(CASE WHEN p.pairs = (SELECT COUNT(*) FROM mention o WHERE o.article_id = p.article_id AND o.actor_id = p.actor_id AND p.span_start <= o.span_start AND o.span_end <= p.span_end) THEN 1 ELSE 0 END) AS dq,
        SUM(p.pairs) AS dm
    FROM (
        SELECT q.id, q.article_id, q.speaker_id, q.span_start, q.span_end, r.actor_id,
            COUNT(*) AS pairs
        FROM (SELECT NEW.id AS id, NEW.article_id AS article_id, NEW.actor_id AS actor_id, NEW.span_start AS span_start, NEW.span_end AS span_end) r
        JOIN quote q ON q.article_id = r.article_id
            AND q.span_start <= r.span_start AND r.span_end <= q.span_end
            AND q.speaker_id <> r.actor_id
        GROUP BY q.id, q.article_id, q.speaker_id, q.span_start, q.span_end, r.actor_id
    ) p
    GROUP BY p.article_id, p.speaker_id, p.actor_id) d JOIN article a ON a.id = d.article_id WHERE NOT EXISTS (SELECT 1 FROM article_network_tally t WHERE t.article_id = d.article_id AND t.speaker_id = d.speaker_id AND t.mentioned_id = d.mentioned_id); END;
CREATE TRIGGER network_mention_delete AFTER DELETE ON mention BEGIN DELETE FROM article_network_tally WHERE (article_id, speaker_id, mentioned_id) IN (SELECT d.article_id, d.speaker_id, d.mentioned_id FROM (
    SELECT p.article_id, p.speaker_id, p.actor_id AS mentioned_id,
        -SUM(CASE WHEN EXISTS (SELECT 1 FROM mention o WHERE o.article_id = p.article_id AND o.actor_id = p.actor_id AND p.span_start <= o.span_start AND o.span_end <= p.span_end) THEN 0 ELSE 1 END) AS dq,
        -SUM(p.pairs) AS dm
    FROM (
        SELECT q.id, q.article_id, q.speaker_id, q.span_start, q.span_end, r.actor_id,
            COUNT(*) AS pairs
        FROM (SELECT OLD.id AS id, OLD.article_id AS article_id, OLD.actor_id AS actor_id, OLD.span_start AS span_start, OLD.span_end AS span_end) r
        JOIN quote q ON q.article_id = r.article_id
            AND q.span_start <= r.span_start AND r.span_end <= q.span_end
            AND q.speaker_id <> r.actor_id
        GROUP BY q.id, q.article_id, q.speaker_id, q.span_start, q.span_end, r.actor_id
    ) p
    GROUP BY p.article_id, p.speaker_id, p.actor_id) d JOIN article_network_tally t ON t.article_id = d.article_id AND t.speaker_id = d.speaker_id AND t.mentioned_id = d.mentioned_id WHERE t.quotes + d.dq = 0); UPDATE article_network_tally SET quotes = article_network_tally.quotes + d.dq, mentions = article_network_tally.mentions + d.dm FROM (
    SELECT p.article_id, p.speaker_id, p.actor_id AS mentioned_id,
        -SUM(CASE WHEN EXISTS (SELECT 1 FROM mention o WHERE o.article_id = p.article_id AND o.actor_id = p.actor_id AND p.span_start <= o.span_start AND o.span_end <= p.span_end) THEN 0 ELSE 1 END) AS dq,
        -SUM(p.pairs) AS dm
    FROM (
        SELECT q.id, q.article_id, q.speaker_id, q.span_start, q.span_end, r.actor_id,
            COUNT(*) AS pairs
        FROM (SELECT OLD.id AS id, OLD.article_id AS article_id, OLD.actor_id AS actor_id, OLD.span_start AS span_start, OLD.span_end AS span_end) r
        JOIN quote q ON q.article_id = r.article_id
            AND q.span_start <= r.span_start AND r.span_end <= q.span_end
            AND q.speaker_id <> r.actor_id
        GROUP BY q.id, q.article_id, q.speaker_id, q.span_start, q.span_end, r.actor_id
    ) p
    GROUP BY p.article_id, p.speaker_id, p.actor_id) d WHERE article_network_tally.article_id = d.article_id AND article_network_tally.speaker_id = d.speaker_id AND article_network_tally.mentioned_id = d.mentioned_id; END;
CREATE TRIGGER network_mention_update AFTER UPDATE OF article_id, actor_id, span_start, span_end ON mention BEGIN DELETE FROM article_network_tally WHERE (article_id, speaker_id, mentioned_id) IN (SELECT d.article_id, d.speaker_id, d.mentioned_id FROM (
    SELECT p.article_id, p.speaker_id, p.actor_id AS mentioned_id,
        -SUM(CASE WHEN EXISTS (SELECT 1 FROM mention o WHERE o.article_id = p.article_id AND o.actor_id = p.actor_id AND p.span_start <= o.span_start AND o.span_end <= p.span_end AND o.id NOT IN (SELECT x.id FROM (SELECT NEW.id AS id, NEW.article_id AS article_id, NEW.actor_id AS actor_id, NEW.span_start AS span_start, NEW.span_end AS span_end) x)) THEN 0 ELSE 1 END) AS dq,
        -SUM(p.pairs) AS dm
    FROM (
        SELECT q.id, q.article_id, q.speaker_id, q.span_start, q.span_end, r.actor_id,
            COUNT(*) AS pairs
        FROM (SELECT OLD.id AS id, OLD.article_id AS article_id, OLD.actor_id AS actor_id, OLD.span_start AS span_start, OLD.span_end AS span_end) r
        JOIN quote q ON q.article_id = r.article_id
            AND q.span_start <= r.span_start AND r.span_end <= q.span_end
            AND q.speaker_id <> r.actor_id
        GROUP BY q.id, q.article_id, q.speaker_id, q.span_start, q.span_end, r.actor_id
    ) p
    GROUP BY p.article_id, p.speaker_id, p.actor_id) d JOIN article_network_tally t ON t.article_id = d.article_id AND t.speaker_id = d.speaker_id AND t.mentioned_id = d.mentioned_id WHERE t.quotes + d.dq = 0); UPDATE article_network_tally SET quotes = article_network_tally.quotes + d.dq, mentions = article_network_tally.mentions + d.dm FROM (
    SELECT p.article_id, p.speaker_id, p.actor_id AS mentioned_id,
        -SUM(CASE WHEN EXISTS (SELECT 1 FROM mention o WHERE o.article_id = p.article_id AND o.actor_id = p.actor_id AND p.span_start <= o.span_start AND o.span_end <= p.span_end AND o.id NOT IN (SELECT x.id FROM (SELECT NEW.id AS id, NEW.article_id AS article_id, NEW.actor_id AS actor_id, NEW.span_start AS span_start, NEW.span_end AS span_end) x)) THEN 0 ELSE 1 END) AS dq,
        -SUM(p.pairs) AS dm
    FROM (
        SELECT q.id, q.article_id, q.speaker_id, q.span_start, q.span_end, r.actor_id,
            COUNT(*) AS pairs
        FROM (SELECT OLD.id AS id, OLD.article_id AS article_id, OLD.actor_id AS actor_id, OLD.span_start AS span_start, OLD.span_end AS span_end) r
        JOIN quote q ON q.article_id = r.article_id
            AND q.span_start <= r.span_start AND r.span_end <= q.span_end
            AND q.speaker_id <> r.actor_id
        GROUP BY q.id, q.article_id, q.speaker_id, q.span_start, q.span_end, r.actor_id
    ) p
    GROUP BY p.article_id, p.speaker_id, p.actor_id) d WHERE article_network_tally.article_id = d.article_id AND article_network_tally.speaker_id = d.speaker_id AND article_network_tally.mentioned_id = d.mentioned_id; UPDATE article_network_tally SET quotes = article_network_tally.quotes + d.dq, mentions = article_network_tally.mentions + d.dm FROM (
    SELECT p.article_id, p.speaker_id, p.actor_id AS mentioned_id,
        SUM(CASE WHEN p.pairs = (SELECT COUNT(*) FROM mention o WHERE o.article_id = p.article_id AND o.actor_id = p.actor_id AND p.span_start <= o.span_start AND o.span_end <= p.span_end) THEN 1 ELSE 0 END) AS dq,
        SUM(p.pairs) AS dm
    FROM (
        SELECT q.id, q.article_id, q.speaker_id, q.span_start, q.span_end, r.actor_id,
            COUNT(*) AS pairs
        FROM (SELECT NEW.id AS id, NEW.article_id AS article_id, NEW.actor_id AS actor_id, NEW.span_start AS span_start, NEW.span_end AS span_end) r
        JOIN quote q ON q.article_id = r.article_id
            AND q.span_start <= r.span_start AND r.span_end <= q.span_end
            AND q.speaker_id <> r.actor_id
        GROUP BY q.id, q.article_id, q.speaker_id, q.span_start, q.span_end, r.actor_id
    ) p
    GROUP BY p.article_id, p.speaker_id, p.actor_id) d WHERE article_network_tally.article_id = d.article_id AND article_network_tally.speaker_id = d.speaker_id AND article_network_tally.mentioned_id = d.mentioned_id; INSERT INTO article_network_tally (article_id, speaker_id, mentioned_id, published_date, quotes, mentions) SELECT d.article_id, d.speaker_id, d.mentioned_id, a.published_date, d.dq, d.dm FROM (
    SELECT p.article_id, p.speaker_id, p.actor_id AS mentioned_id,
        SUM(CASE WHEN p.pairs = (SELECT COUNT(*) FROM mention o WHERE o.article_id = p.article_id AND o.actor_id = p.actor_id AND p.span_start <= o.span_start AND o.span_end <= p.span_end) THEN 1 ELSE 0 END) AS dq,
        SUM(p.pairs) AS dm
    FROM (
        SELECT q.id, q.article_id, q.speaker_id, q.span_start, q.span_end, r.actor_id,
            COUNT(*) AS pairs
        FROM (SELECT NEW.id AS id, NEW.article_id AS article_id, NEW.actor_id AS actor_id, NEW.span_start AS span_start, NEW.span_end AS span_end) r
        JOIN quote q ON q.article_id = r.article_id
            AND q.span_start <= r.span_start AND r.span_end <= q.span_end
            AND q.speaker_id <> r.actor_id
        GROUP BY q.id, q.article_id, q.speaker_id, q.span_start, q.span_end, r.actor_id
    ) p
    GROUP BY p.article_id, p.speaker_id, p.actor_id) d JOIN article a ON a.id = d.article_id WHERE NOT EXISTS (SELECT 1 FROM article_network_tally t WHERE t.article_id = d.article_id AND t.speaker_id = d.speaker_id AND t.mentioned_id = d.mentioned_id); END;
CREATE TRIGGER geography_event_mention_insert AFTER INSERT ON event_mention BEGIN DELETE FROM article_geography_tally WHERE article_id = NEW.article_id AND side = 'event' AND subject_id = NEW.event_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'event', e.id, a.published_date, e.country, e.location FROM article a JOIN event e ON e.id = NEW.event_id WHERE a.id = NEW.article_id AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = e.id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = e.id AND c.article_id = a.id));DELETE FROM article_geography_tally WHERE article_id = NEW.article_id AND side = 'party' AND subject_id IN (SELECT actor_id FROM event_participant WHERE article_id = NEW.article_id AND event_id = NEW.event_id); INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'party', x.id, a.published_date, x.country, x.name FROM article a JOIN actor x ON x.id IN (SELECT actor_id FROM event_participant WHERE article_id = NEW.article_id AND event_id = NEW.event_id) WHERE a.id = NEW.article_id AND x.kind = 'state' AND EXISTS (SELECT 1 FROM event_participant ep WHERE ep.article_id = a.id AND ep.actor_id = x.id AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = ep.event_id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = ep.event_id AND c.article_id = a.id))); END;
CREATE TRIGGER geography_event_mention_delete AFTER DELETE ON event_mention BEGIN DELETE FROM article_geography_tally WHERE article_id = OLD.article_id AND side = 'event' AND subject_id = OLD.event_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'event', e.id, a.published_date, e.country, e.location FROM article a JOIN event e ON e.id = OLD.event_id WHERE a.id = OLD.article_id AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = e.id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = e.id AND c.article_id = a.id));DELETE FROM article_geography_tally WHERE article_id = OLD.article_id AND side = 'party' AND subject_id IN (SELECT actor_id FROM event_participant WHERE article_id = OLD.article_id AND event_id = OLD.event_id); INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'party', x.id, a.published_date, x.country, x.name FROM article a JOIN actor x ON x.id IN (SELECT actor_id FROM event_participant WHERE article_id = OLD.article_id AND event_id = OLD.event_id) WHERE a.id = OLD.article_id AND x.kind = 'state' AND EXISTS (SELECT 1 FROM event_participant ep WHERE ep.article_id = a.id AND ep.actor_id = x.id AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = ep.event_id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = ep.event_id AND c.article_id = a.id))); END;
CREATE TRIGGER geography_event_mention_update AFTER UPDATE OF article_id, event_id ON event_mention BEGIN DELETE FROM article_geography_tally WHERE article_id = OLD.article_id AND side = 'event' AND subject_id = OLD.event_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'event', e.id, a.published_date, e.country, e.location FROM article a JOIN event e ON e.id = OLD.event_id WHERE a.id = OLD.article_id AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = e.id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = e.id AND c.article_id = a.id));DELETE FROM article_geography_tally WHERE article_id = OLD.article_id AND side = 'party' AND subject_id IN (SELECT actor_id FROM event_participant WHERE article_id = OLD.article_id AND event_id = OLD.event_id); INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'party', x.id, a.published_date, x.country, x.name FROM article a JOIN actor x ON x.id IN (SELECT actor_id FROM event_participant WHERE article_id = OLD.article_id AND event_id = OLD.event_id) WHERE a.id = OLD.article_id AND x.kind = 'state' AND EXISTS (SELECT 1 FROM event_participant ep WHERE ep.article_id = a.id AND ep.actor_id = x.id AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = ep.event_id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = ep.event_id AND c.article_id = a.id))); DELETE FROM article_geography_tally WHERE article_id = NEW.article_id AND side = 'event' AND subject_id = NEW.event_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'event', e.id, a.published_date, e.country, e.location FROM article a JOIN event e ON e.id = NEW.event_id WHERE a.id = NEW.article_id AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = e.id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = e.id AND c.article_id = a.id));DELETE FROM article_geography_tally WHERE article_id = NEW.article_id AND side = 'party' AND subject_id IN (SELECT actor_id FROM event_participant WHERE article_id = NEW.article_id AND event_id = NEW.event_id); INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'party', x.id, a.published_date, x.country, x.name FROM article a JOIN actor x ON x.id IN (SELECT actor_id FROM event_participant WHERE article_id = NEW.article_id AND event_id = NEW.event_id) WHERE a.id = NEW.article_id AND x.kind = 'state' AND EXISTS (SELECT 1 FROM event_participant ep WHERE ep.article_id = a.id AND ep.actor_id = x.id AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = ep.event_id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = ep.event_id AND c.article_id = a.id))); END;
CREATE TRIGGER geography_claim_event_insert AFTER INSERT ON claim_event BEGIN DELETE FROM article_geography_tally WHERE article_id = (SELECT article_id FROM claim WHERE id = NEW.claim_id) AND side = 'event' AND subject_id = NEW.event_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'event', e.id, a.published_date, e.country, e.location FROM article a JOIN event e ON e.id = NEW.event_id WHERE a.id = (SELECT article_id FROM claim WHERE id = NEW.claim_id) AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = e.id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = e.id AND c.article_id = a.id));DELETE FROM article_geography_tally WHERE article_id = (SELECT article_id FROM claim WHERE id = NEW.claim_id) AND side = 'party' AND subject_id IN (SELECT actor_id FROM event_participant WHERE article_id = (SELECT article_id FROM claim WHERE id = NEW.claim_id) AND event_id = NEW.event_id); INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'party', x.id, a.published_date, x.country, x.name FROM article a JOIN actor x ON x.id IN (SELECT actor_id FROM event_participant WHERE article_id = (SELECT article_id FROM claim WHERE id = NEW.claim_id) AND event_id = NEW.event_id) WHERE a.id = (SELECT article_id FROM claim WHERE id = NEW.claim_id) AND x.kind = 'state' AND EXISTS (SELECT 1 FROM event_participant ep WHERE ep.article_id = a.id AND ep.actor_id = x.id AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = ep.event_id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = ep.event_id AND c.article_id = a.id))); END;
CREATE TRIGGER geography_claim_event_delete AFTER DELETE ON claim_event BEGIN DELETE FROM article_geography_tally WHERE article_id = (SELECT article_id FROM claim WHERE id = OLD.claim_id) AND side = 'event' AND subject_id = OLD.event_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'event', e.id, a.published_date, e.country, e.location FROM article a JOIN event e ON e.id = OLD.event_id WHERE a.id = (SELECT article_id FROM claim WHERE id = OLD.claim_id) AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = e.id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = e.id AND c.article_id = a.id));DELETE FROM article_geography_tally WHERE article_id = (SELECT article_id FROM claim WHERE id = OLD.claim_id) AND side = 'party' AND subject_id IN (SELECT actor_id FROM event_participant WHERE article_id = (SELECT article_id FROM claim WHERE id = OLD.claim_id) AND event_id = OLD.event_id); INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'party', x.id, a.published_date, x.country, x.name FROM article a JOIN actor x ON x.id IN (SELECT actor_id FROM event_participant WHERE article_id = (SELECT article_id FROM claim WHERE id = OLD.claim_id) AND event_id = OLD.event_id) WHERE a.id = (SELECT article_id FROM claim WHERE id = OLD.claim_id) AND x.kind = 'state' AND EXISTS (SELECT 1 FROM event_participant ep WHERE ep.article_id = a.id AND ep.actor_id = x.id AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = ep.event_id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = ep.event_id AND c.article_id = a.id))); END;
CREATE TRIGGER geography_claim_event_update AFTER UPDATE OF claim_id, event_id ON claim_event BEGIN DELETE FROM article_geography_tally WHERE article_id = (SELECT article_id FROM claim WHERE id = OLD.claim_id) AND side = 'event' AND subject_id = OLD.event_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'event', e.id, a.published_date, e.country, e.location FROM article a JOIN event e ON e.id = OLD.event_id WHERE a.id = (SELECT article_id FROM claim WHERE id = OLD.claim_id) AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = e.id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = e.id AND c.article_id = a.id));DELETE FROM article_geography_tally WHERE article_id = (SELECT article_id FROM claim WHERE id = OLD.claim_id) AND side = 'party' AND subject_id IN (SELECT actor_id FROM event_participant WHERE article_id = (SELECT article_id FROM claim WHERE id = OLD.claim_id) AND event_id = OLD.event_id); INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'party', x.id, a.published_date, x.country, x.name FROM article a JOIN actor x ON x.id IN (SELECT actor_id FROM event_participant WHERE article_id = (SELECT article_id FROM claim WHERE id = OLD.claim_id) AND event_id = OLD.event_id) WHERE a.id = (SELECT article_id FROM claim WHERE id = OLD.claim_id) AND x.kind = 'state' AND EXISTS (SELECT 1 FROM event_participant ep WHERE ep.article_id = a.id AND ep.actor_id = x.id AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = ep.event_id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = ep.event_id AND c.article_id = a.id)));DELETE FROM article_geography_tally WHERE article_id = (SELECT article_id FROM claim WHERE id = NEW.claim_id) AND side = 'event' AND subject_id = NEW.event_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'event', e.id, a.published_date, e.country, e.location FROM article a JOIN event e ON e.id = NEW.event_id WHERE a.id = (SELECT article_id FROM claim WHERE id = NEW.claim_id) AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = e.id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = e.id AND c.article_id = a.id));DELETE FROM article_geography_tally WHERE article_id = (SELECT article_id FROM claim WHERE id = NEW.claim_id) AND side = 'party' AND subject_id IN (SELECT actor_id FROM event_participant WHERE article_id = (SELECT article_id FROM claim WHERE id = NEW.claim_id) AND event_id = NEW.event_id); INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'party', x.id, a.published_date, x.country, x.name FROM article a JOIN actor x ON x.id IN (SELECT actor_id FROM event_participant WHERE article_id = (SELECT article_id FROM claim WHERE id = NEW.claim_id) AND event_id = NEW.event_id) WHERE a.id = (SELECT article_id FROM claim WHERE id = NEW.claim_id) AND x.kind = 'state' AND EXISTS (SELECT 1 FROM event_participant ep WHERE ep.article_id = a.id AND ep.actor_id = x.id AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = ep.event_id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = ep.event_id AND c.article_id = a.id))); END;
CREATE TRIGGER geography_event_participant_insert AFTER INSERT ON event_participant BEGIN DELETE FROM article_geography_tally WHERE article_id = NEW.article_id AND side = 'party' AND subject_id = NEW.actor_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'party', x.id, a.published_date, x.country, x.name FROM article a JOIN actor x ON x.id = NEW.actor_id WHERE a.id = NEW.article_id AND x.kind = 'state' AND EXISTS (SELECT 1 FROM event_participant ep WHERE ep.article_id = a.id AND ep.actor_id = x.id AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = ep.event_id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = ep.event_id AND c.article_id = a.id))); END;
CREATE TRIGGER geography_event_participant_delete AFTER DELETE ON event_participant BEGIN DELETE FROM article_geography_tally WHERE article_id = OLD.article_id AND side = 'party' AND subject_id = OLD.actor_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'party', x.id, a.published_date, x.country, x.name FROM article a JOIN actor x ON x.id = OLD.actor_id WHERE a.id = OLD.article_id AND x.kind = 'state' AND EXISTS (SELECT 1 FROM event_participant ep WHERE ep.article_id = a.id AND ep.actor_id = x.id AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = ep.event_id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = ep.event_id AND c.article_id = a.id))); END;
CREATE TRIGGER geography_event_participant_update AFTER UPDATE OF article_id, event_id, actor_id ON event_participant BEGIN DELETE FROM article_geography_tally WHERE article_id = OLD.article_id AND side = 'party' AND subject_id = OLD.actor_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'party', x.id, a.published_date, x.country, x.name FROM article a JOIN actor x ON x.id = OLD.actor_id WHERE a.id = OLD.article_id AND x.kind = 'state' AND EXISTS (SELECT 1 FROM event_participant ep WHERE ep.article_id = a.id AND ep.actor_id = x.id AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = ep.event_id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = ep.event_id AND c.article_id = a.id))); DELETE FROM article_geography_tally WHERE article_id = NEW.article_id AND side = 'party' AND subject_id = NEW.actor_id; INSERT INTO article_geography_tally (article_id, side, subject_id, published_date, country, place) SELECT a.id, 'party', x.id, a.published_date, x.country, x.name FROM article a JOIN actor x ON x.id = NEW.actor_id WHERE a.id = NEW.article_id AND x.kind = 'state' AND EXISTS (SELECT 1 FROM event_participant ep WHERE ep.article_id = a.id AND ep.actor_id = x.id AND (EXISTS (SELECT 1 FROM event_mention em WHERE em.article_id = a.id AND em.event_id = ep.event_id) OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id WHERE ce.event_id = ep.event_id AND c.article_id = a.id))); END;
CREATE TRIGGER geography_claim_delete BEFORE DELETE ON claim BEGIN DELETE FROM claim_event WHERE claim_id = OLD.id; END;
CREATE VIEW v_actor_tally AS 
SELECT
    a.slug AS article,
    t.published_date AS published_date,
    s.slug AS actor_slug,
    s.name AS name,
    CASE WHEN s.kind = 'person' THEN 'named person'
        WHEN s.kind = 'anonymous' THEN 'unnamed individual'
        WHEN s.kind IN ('collective', 'population') THEN 'collective'
        ELSE 'institution' END AS source_class,
    s.kind AS kind,
    s.sector AS sector,
    COALESCE(s.country, parent.country) AS country,
    t.mentions AS mentions,
    t.quotes AS quotes,
    t.words_quoted AS words_quoted,
    t.claims AS claims,
    CASE WHEN t.quotes + t.claims > 0 THEN 1 ELSE 0 END AS heard
FROM article_actor_tally t
LEFT JOIN article a ON a.id = t.article_id
LEFT JOIN actor s ON s.id = t.actor_id
LEFT JOIN actor parent ON parent.id = s.parent_id;
CREATE VIEW v_attribution_profile AS 
WITH mode AS (
        SELECT 1 AS mode_order, CAST('named_person' AS VARCHAR(20)) AS attribution_mode,
            CAST('named person' AS VARCHAR(60)) AS mode_label, 1 AS names_source
        UNION ALL SELECT 2, 'institution', 'institution or official statement', 1
        UNION ALL SELECT 3, 'unnamed_official', 'unnamed official', 0
        UNION ALL SELECT 4, 'vague_collective', 'vague collective', 0
        UNION ALL SELECT 5, 'passive', 'passive or agentless', 0
        UNION ALL SELECT 6, 'writer', 'the writer''s own voice', 0
    ),
    counted AS (
        SELECT a.slug AS slug, t.published_date AS published_date, SUM(t.claims) AS claims,
            SUM(CASE WHEN t.attribution_mode = 'named_person' THEN t.claims ELSE 0 END) AS named_person,
            SUM(CASE WHEN t.attribution_mode = 'institution' THEN t.claims ELSE 0 END) AS institution,
            SUM(CASE WHEN t.attribution_mode = 'unnamed_official' THEN t.claims ELSE 0 END) AS unnamed_official,
            SUM(CASE WHEN t.attribution_mode = 'vague_collective' THEN t.claims ELSE 0 END) AS vague_collective,
            SUM(CASE WHEN t.attribution_mode = 'passive' THEN t.claims ELSE 0 END) AS passive,
            SUM(CASE WHEN t.attribution_mode = 'writer' THEN t.claims ELSE 0 END) AS writer
        FROM article_mode_tally t JOIN article a ON a.id = t.article_id
        GROUP BY t.article_id, a.slug, t.published_date
    )
SELECT
    n.slug AS article,
    n.published_date AS published_date,
    m.mode_order AS mode_order,
    m.attribution_mode AS attribution_mode,
    m.mode_label AS mode_label,
    m.names_source AS names_source,
    CASE m.mode_order WHEN 1 THEN n.named_person WHEN 2 THEN n.institution WHEN 3 THEN n.unnamed_official WHEN 4 THEN n.vague_collective WHEN 5 THEN n.passive WHEN 6 THEN n.writer END AS claims,
    n.claims AS article_claims,
    CAST(CASE m.mode_order WHEN 1 THEN n.named_person WHEN 2 THEN n.institution WHEN 3 THEN n.unnamed_official WHEN 4 THEN n.vague_collective WHEN 5 THEN n.passive WHEN 6 THEN n.writer END AS DOUBLE PRECISION) / n.claims AS share
FROM counted n
CROSS JOIN mode m;
CREATE VIEW v_claim_checks AS 
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    c.key AS claim_key,
    c.text AS claim_text,
    c.attribution_mode AS attribution_mode,
    s.name AS source,
    k.aspect AS aspect,
    k.stated_value AS stated_value,
    k.checked_value AS checked_value,
    k.verdict AS verdict,
    CASE WHEN k.verdict IN ('contradicted', 'partly_confirmed') THEN 1 ELSE 0 END AS differs,
    k.source AS checked_against,
    k.note AS note
FROM claim_check k
JOIN claim c ON c.id = k.claim_id
JOIN article a ON a.id = c.article_id
LEFT JOIN actor s ON s.id = c.source_id;
CREATE VIEW v_claim_support AS 
WITH 
    support AS (
        SELECT a.slug AS slug, a.published_date AS published_date, c.key AS claim_key,
            CAST('own source' AS VARCHAR(20)) AS route,
            CAST(NULL AS VARCHAR(100)) AS via_key, c.source_id AS actor_id
        FROM article a JOIN claim c ON c.article_id = a.id
        WHERE c.source_id IS NOT NULL
        UNION ALL
        SELECT a.slug, a.published_date, c.key, 'quote', q.key, q.speaker_id
        FROM article a
        JOIN claim c ON c.article_id = a.id
        JOIN claim_quote cq ON cq.claim_id = c.id
        JOIN quote q ON q.id = cq.quote_id
        UNION ALL
        SELECT a.slug, a.published_date, c.key, 'corroborating claim', o.key, o.source_id
        FROM article a
        JOIN claim c ON c.article_id = a.id
        JOIN claim_relation r ON r.claim_id = c.id
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.relation = 'corroborates' AND o.source_id IS NOT NULL
        UNION ALL
        SELECT a.slug, a.published_date, c.key, 'corroborating claim', o.key, o.source_id
        FROM article a
        JOIN claim c ON c.article_id = a.id
        JOIN claim_relation r ON r.other_claim_id = c.id
        JOIN claim o ON o.id = r.claim_id
        WHERE r.relation = 'corroborates' AND o.source_id IS NOT NULL
    )
SELECT
    sp.slug AS article,
    sp.published_date AS published_date,
    sp.claim_key AS claim_key,
    sp.route AS route,
    sp.via_key AS via_key,
    s.slug AS source_slug,
    s.name AS source,
    CASE WHEN s.kind = 'person' THEN 'named person' WHEN s.kind = 'anonymous' THEN 'unnamed individual' WHEN s.kind IN ('collective', 'population') THEN 'collective' ELSE 'institution' END AS source_class,
    s.sector AS source_sector
FROM support sp
JOIN actor s ON s.id = sp.actor_id;
CREATE VIEW v_claims AS 
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    c.key AS claim_key,
    c.text AS text,
    c.proposition AS proposition,
    c.attribution_mode AS attribution_mode,
    s.slug AS source_slug,
    s.name AS source,
    s.kind AS source_kind,
    s.sector AS source_sector,
    c.cue AS cue,
    c.certainty AS certainty,
    c.span_start AS span_start,
    c.span_end AS span_end,
    (SELECT MIN(p.number) FROM paragraph p WHERE p.article_id = c.article_id AND p.span_start <= c.span_start AND c.span_start <= p.span_end) AS paragraph
FROM claim c
JOIN article a ON a.id = c.article_id
LEFT JOIN actor s ON s.id = c.source_id;
CREATE VIEW v_event_sourcing AS 
WITH item AS (
        SELECT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, ce.event_id AS event_id, CAST('claim' AS VARCHAR(20)) AS item,
            c.key AS item_key, c.text AS text, c.attribution_mode AS attribution_mode,
            c.source_id AS actor_id, c.cue AS cue, c.span_start AS span_start
        FROM article a
        JOIN claim c ON c.article_id = a.id
        JOIN claim_event ce ON ce.claim_id = c.id
        UNION ALL
        SELECT article_id, slug, published_date, event_id, 'quote', item_key, text, NULL,
            actor_id, cue, span_start
        FROM (
            SELECT DISTINCT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, ce.event_id AS event_id, q.key AS item_key,
                q.text AS text, q.speaker_id AS actor_id, q.cue AS cue,
                q.span_start AS span_start
            FROM article a
            JOIN quote q ON q.article_id = a.id
            JOIN claim_quote cq ON cq.quote_id = q.id
            JOIN claim_event ce ON ce.claim_id = cq.claim_id
            JOIN claim c ON c.id = ce.claim_id
            WHERE c.article_id = q.article_id
                OR EXISTS (SELECT 1 FROM event_mention em
                    WHERE em.article_id = q.article_id AND em.event_id = ce.event_id)
                OR EXISTS (SELECT 1 FROM claim c2 JOIN claim_event ce2 ON ce2.claim_id = c2.id
                    WHERE c2.article_id = q.article_id AND ce2.event_id = ce.event_id)
            UNION ALL
            SELECT DISTINCT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, em.event_id, q.key, q.text, q.speaker_id, q.cue,
                q.span_start
            FROM article a
            JOIN event_mention em ON em.article_id = a.id
            JOIN quote q ON q.article_id = em.article_id
                AND q.span_start <= em.span_start AND em.span_end <= q.span_end
            WHERE NOT EXISTS (SELECT 1 FROM claim_quote cq
                JOIN claim_event ce ON ce.claim_id = cq.claim_id
                WHERE cq.quote_id = q.id AND ce.event_id = em.event_id)
        ) quoted
        UNION ALL
        SELECT ae.article_id, ae.slug, ae.published_date, e.id, 'fatalities', NULL,
            er.fatalities_as_written, er.fatalities_attribution, er.fatalities_reported_by_id,
            NULL, NULL
        FROM (
        SELECT DISTINCT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, em.event_id AS event_id
        FROM article a JOIN event_mention em ON em.article_id = a.id
        UNION ALL
        SELECT DISTINCT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, ce.event_id
        FROM article a JOIN claim c ON c.article_id = a.id
        JOIN claim_event ce ON ce.claim_id = c.id
        WHERE NOT EXISTS (SELECT 1 FROM event_mention em
            WHERE em.article_id = a.id AND em.event_id = ce.event_id)
    ) ae
        JOIN event e ON e.id = ae.event_id
        LEFT JOIN event_report er ON er.article_id = ae.article_id AND er.event_id = ae.event_id
        WHERE (er.fatalities IS NOT NULL OR er.fatalities_as_written IS NOT NULL OR er.fatalities_attribution IS NOT NULL)
        UNION ALL
        SELECT ae.article_id, ae.slug, ae.published_date, e.id, NULL, NULL, NULL, NULL, NULL,
            NULL, NULL
        FROM (
        SELECT DISTINCT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, em.event_id AS event_id
        FROM article a JOIN event_mention em ON em.article_id = a.id
        UNION ALL
        SELECT DISTINCT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, ce.event_id
        FROM article a JOIN claim c ON c.article_id = a.id
        JOIN claim_event ce ON ce.claim_id = c.id
        WHERE NOT EXISTS (SELECT 1 FROM event_mention em
            WHERE em.article_id = a.id AND em.event_id = ce.event_id)
    ) ae
        JOIN event e ON e.id = ae.event_id
        LEFT JOIN event_report er ON er.article_id = ae.article_id AND er.event_id = ae.event_id
        WHERE NOT (er.fatalities IS NOT NULL OR er.fatalities_as_written IS NOT NULL OR er.fatalities_attribution IS NOT NULL)
            AND NOT EXISTS (SELECT 1 FROM claim c JOIN claim_event ce ON ce.claim_id = c.id
                WHERE c.article_id = ae.article_id AND ce.event_id = ae.event_id)
            AND NOT EXISTS (SELECT 1 FROM quote q
                JOIN claim_quote cq ON cq.quote_id = q.id
                JOIN claim_event ce ON ce.claim_id = cq.claim_id
                WHERE q.article_id = ae.article_id AND ce.event_id = ae.event_id)
            AND NOT EXISTS (SELECT 1 FROM event_mention em
                JOIN quote q ON q.article_id = em.article_id
                    AND q.span_start <= em.span_start AND em.span_end <= q.span_end
                WHERE em.article_id = ae.article_id AND em.event_id = ae.event_id)
    )
SELECT
    i.slug AS article,
    i.published_date AS published_date,
    e.slug AS event_slug,
    e.name AS event,
    e.event_type AS event_type,
    i.item AS item,
    i.item_key AS item_key,
    i.text AS text,
    i.attribution_mode AS attribution_mode,
    s.slug AS source_slug,
    s.name AS source,
    s.kind AS source_kind,
    s.sector AS source_sector,
    i.cue AS cue,
    (SELECT MIN(p.number) FROM paragraph p WHERE p.article_id = i.article_id AND p.span_start <= i.span_start AND i.span_start <= p.span_end) AS paragraph
FROM item i
JOIN event e ON e.id = i.event_id
LEFT JOIN actor s ON s.id = i.actor_id;
CREATE VIEW v_quotes AS 
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    q.key AS quote_key,
    s.slug AS speaker_slug,
    s.name AS speaker,
    s.kind AS speaker_kind,
    s.sector AS speaker_sector,
    q.kind AS kind,
    q.text AS text,
    (length(q.text) - length(replace(q.text, ' ', '')) + 1) AS words,
    q.cue AS cue,
    q.span_start AS span_start,
    q.span_end AS span_end,
    (SELECT MIN(p.number) FROM paragraph p WHERE p.article_id = q.article_id AND p.span_start <= q.span_start AND q.span_start <= p.span_end) AS paragraph,
    prev.key AS continues
FROM quote q
JOIN article a ON a.id = q.article_id
JOIN actor s ON s.id = q.speaker_id
LEFT JOIN quote prev ON prev.id = q.continues_id;
CREATE VIEW v_sources AS 
WITH source_of AS (
        SELECT
            a.id AS article_id,
            a.slug AS slug,
            a.published_date AS published_date,
            COALESCE(m.actor_id, q.speaker_id, c.source_id) AS actor_id,
            MIN(COALESCE(m.span_start, q.span_start, c.span_start)) AS first_start,
            MIN(COALESCE(q.span_start, c.span_start)) AS first_source_start,
            COUNT(q.id) AS quotes,
            COALESCE(SUM(CASE WHEN q.kind IN ('direct', 'partial') THEN (length(q.text) - length(replace(q.text, ' ', '')) + 1)
                ELSE 0 END), 0) AS words_quoted,
            COUNT(c.id) AS claims
        FROM article a
        CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) kind
        LEFT JOIN mention m ON kind.n = 1 AND m.article_id = a.id
        LEFT JOIN quote q ON kind.n = 2 AND q.article_id = a.id
        LEFT JOIN claim c ON kind.n = 3 AND c.article_id = a.id AND c.source_id IS NOT NULL
        WHERE COALESCE(m.actor_id, q.speaker_id, c.source_id) IS NOT NULL
        GROUP BY a.id, a.slug, a.published_date, COALESCE(m.actor_id, q.speaker_id, c.source_id)
        HAVING COUNT(q.id) + COUNT(c.id) > 0
    )
SELECT
    src.slug AS article,
    src.published_date AS published_date,
    s.slug AS actor_slug,
    s.name AS name,
    CASE WHEN s.kind = 'person' THEN 'named person' WHEN s.kind = 'anonymous' THEN 'unnamed individual' WHEN s.kind IN ('collective', 'population') THEN 'collective' ELSE 'institution' END AS source_class,
    s.kind AS kind,
    s.sector AS sector,
    COALESCE(o.name || COALESCE(', ' || op.name, ''), parent.name) AS affiliation,
    f.role AS role,
    f.location AS location,
    COALESCE(s.country, o.country, parent.country) AS country,
    src.quotes AS quotes,
    src.words_quoted AS words_quoted,
    src.claims AS claims,
    (SELECT MIN(p.number) FROM paragraph p WHERE p.article_id = src.article_id AND p.span_start <= src.first_start AND src.first_start <= p.span_end) AS first_paragraph,
    (SELECT MIN(p.number) FROM paragraph p WHERE p.article_id = src.article_id AND p.span_start <= src.first_source_start AND src.first_source_start <= p.span_end) AS first_source_paragraph
FROM source_of src
JOIN actor s ON s.id = src.actor_id
LEFT JOIN affiliation f ON f.id = (SELECT f2.id FROM affiliation f2 WHERE f2.article_id = src.article_id AND f2.person_id = src.actor_id ORDER BY f2.span_start LIMIT 1)
LEFT JOIN actor o ON o.id = f.organisation_id
LEFT JOIN actor op ON op.id = o.parent_id
LEFT JOIN actor parent ON parent.id = s.parent_id;
CREATE VIEW v_spoken_for AS 
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    t.slug AS actor_slug,
    t.name AS actor,
    CAST('quote' AS VARCHAR(10)) AS via,
    q.key AS via_key,
    s.slug AS speaker_slug,
    s.name AS speaker,
    s.kind AS speaker_kind,
    s.sector AS speaker_sector,
    f.location AS speaker_location,
    COUNT(*) AS mentions
FROM article a
JOIN quote q ON q.article_id = a.id
JOIN mention m ON m.article_id = q.article_id
    AND q.span_start <= m.span_start AND m.span_end <= q.span_end
    AND m.actor_id <> q.speaker_id
JOIN actor t ON t.id = m.actor_id
JOIN actor s ON s.id = q.speaker_id
LEFT JOIN affiliation f ON f.id = (SELECT f2.id FROM affiliation f2 WHERE f2.article_id = a.id AND f2.person_id = q.speaker_id ORDER BY f2.span_start LIMIT 1)
GROUP BY a.id, a.slug, a.published_date, t.slug, t.name, q.key,
    s.slug, s.name, s.kind, s.sector, f.location
UNION ALL
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    t.slug AS actor_slug,
    t.name AS actor,
    CAST('claim' AS VARCHAR(10)) AS via,
    c.key AS via_key,
    s.slug AS speaker_slug,
    s.name AS speaker,
    s.kind AS speaker_kind,
    s.sector AS speaker_sector,
    f.location AS speaker_location,
    COUNT(*) AS mentions
FROM article a
JOIN claim c ON c.article_id = a.id
JOIN mention m ON m.article_id = c.article_id
    AND c.span_start <= m.span_start AND m.span_end <= c.span_end
    AND m.actor_id <> c.source_id
JOIN actor t ON t.id = m.actor_id
JOIN actor s ON s.id = c.source_id
LEFT JOIN affiliation f ON f.id = (SELECT f2.id FROM affiliation f2 WHERE f2.article_id = a.id AND f2.person_id = c.source_id ORDER BY f2.span_start LIMIT 1)
GROUP BY a.id, a.slug, a.published_date, t.slug, t.name, c.key,
    s.slug, s.name, s.kind, s.sector, f.location;
CREATE VIEW v_voice_gaps AS 
WITH fact AS (
        SELECT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, m.actor_id AS actor_id, 1 AS mention, 0 AS event_role, 0 AS heard,
            CAST(NULL AS INTEGER) AS quote_id, CAST(NULL AS INTEGER) AS claim_id,
            CAST(NULL AS INTEGER) AS speaker_id, CAST(NULL AS INTEGER) AS part_id
        FROM article a JOIN mention m ON m.article_id = a.id
        UNION ALL
        SELECT ae.article_id, ae.slug, ae.published_date, ep.actor_id, 0, 1, 0,
            NULL, NULL, NULL, NULL
        FROM (
        SELECT DISTINCT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, em.event_id AS event_id
        FROM article a JOIN event_mention em ON em.article_id = a.id
        UNION ALL
        SELECT DISTINCT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, ce.event_id
        FROM article a JOIN claim c ON c.article_id = a.id
        JOIN claim_event ce ON ce.claim_id = c.id
        WHERE NOT EXISTS (SELECT 1 FROM event_mention em
            WHERE em.article_id = a.id AND em.event_id = ce.event_id)
    ) ae
        JOIN event_participant ep ON ep.event_id = ae.event_id AND ep.article_id = ae.article_id
        UNION ALL
        SELECT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, q.speaker_id, 0, 0, 1, NULL, NULL, NULL, NULL
        FROM article a JOIN quote q ON q.article_id = a.id
        UNION ALL
        SELECT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, c.source_id, 0, 0, 1, NULL, NULL, NULL, NULL
        FROM article a JOIN claim c ON c.article_id = a.id
        WHERE c.source_id IS NOT NULL
        UNION ALL
        SELECT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, m.actor_id, 0, 0, 0, q.id, NULL, q.speaker_id, NULL
        FROM article a
        JOIN quote q ON q.article_id = a.id
        JOIN mention m ON m.article_id = q.article_id
            AND q.span_start <= m.span_start AND m.span_end <= q.span_end
            AND m.actor_id <> q.speaker_id
        UNION ALL
        SELECT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, m.actor_id, 0, 0, 0, NULL, c.id, c.source_id, NULL
        FROM article a
        JOIN claim c ON c.article_id = a.id
        JOIN mention m ON m.article_id = c.article_id
            AND c.span_start <= m.span_start AND m.span_end <= c.span_end
            AND m.actor_id <> c.source_id
        UNION ALL
        SELECT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, part.parent_id, 0, 0, 0, NULL, NULL, NULL, part.id
        FROM article a
        JOIN quote q ON q.article_id = a.id
        JOIN actor part ON part.id = q.speaker_id
        WHERE part.parent_id IS NOT NULL
        UNION ALL
        SELECT a.id AS article_id, a.slug AS slug, a.published_date AS published_date, part.parent_id, 0, 0, 0, NULL, NULL, NULL, part.id
        FROM article a
        JOIN claim c ON c.article_id = a.id
        JOIN actor part ON part.id = c.source_id
        WHERE part.parent_id IS NOT NULL
    ),
    gap AS (
        SELECT
            article_id,
            slug,
            published_date,
            actor_id,
            SUM(mention) AS mentions,
            SUM(event_role) AS event_roles,
            COUNT(DISTINCT quote_id) AS quotes_about,
            COUNT(DISTINCT claim_id) AS claims_about,
            COUNT(DISTINCT speaker_id) AS spoken_for_by,
            COUNT(DISTINCT part_id) AS parts_as_sources
        FROM fact
        GROUP BY article_id, slug, published_date, actor_id
        HAVING MAX(heard) = 0 AND SUM(mention) + SUM(event_role) > 0
    )
SELECT
    g.slug AS article,
    g.published_date AS published_date,
    x.slug AS actor_slug,
    x.name AS name,
    x.kind AS kind,
    x.sector AS sector,
    x.country AS country,
    g.mentions AS mentions,
    g.event_roles AS event_roles,
    g.quotes_about AS quotes_about,
    g.claims_about AS claims_about,
    g.spoken_for_by AS spoken_for_by,
    g.parts_as_sources AS parts_as_sources
FROM gap g
JOIN actor x ON x.id = g.actor_id;
CREATE TABLE article_fingerprint (
	article_id INTEGER NOT NULL, 
	table_name VARCHAR(63) NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	row_count INTEGER NOT NULL, 
	row_digests TEXT NOT NULL, 
	CONSTRAINT pk_article_fingerprint PRIMARY KEY (article_id, table_name), 
	CONSTRAINT ck_article_fingerprint_sha256_length CHECK (length(sha256) = 64), 
	CONSTRAINT ck_article_fingerprint_row_count_not_negative CHECK (row_count >= 0), 
	CONSTRAINT fk_article_fingerprint_article_id_article FOREIGN KEY(article_id) REFERENCES article (id) ON DELETE CASCADE
);
CREATE TRIGGER span_within_body_paragraph_insert BEFORE INSERT ON paragraph WHEN NEW.span_end > (SELECT length(body) FROM article WHERE id = NEW.article_id) BEGIN SELECT RAISE(ABORT, 'paragraph: a span past the end of its article''s body'); END;
CREATE TRIGGER span_within_body_paragraph_update BEFORE UPDATE OF article_id, span_end ON paragraph WHEN NEW.span_end > (SELECT length(body) FROM article WHERE id = NEW.article_id) BEGIN SELECT RAISE(ABORT, 'paragraph: a span past the end of its article''s body'); END;
CREATE TRIGGER span_within_body_mention_insert BEFORE INSERT ON mention WHEN NEW.span_end > (SELECT length(body) FROM article WHERE id = NEW.article_id) BEGIN SELECT RAISE(ABORT, 'mention: a span past the end of its article''s body'); END;
CREATE TRIGGER span_within_body_mention_update BEFORE UPDATE OF article_id, span_end ON mention WHEN NEW.span_end > (SELECT length(body) FROM article WHERE id = NEW.article_id) BEGIN SELECT RAISE(ABORT, 'mention: a span past the end of its article''s body'); END;
CREATE TRIGGER span_within_body_event_mention_insert BEFORE INSERT ON event_mention WHEN NEW.span_end > (SELECT length(body) FROM article WHERE id = NEW.article_id) BEGIN SELECT RAISE(ABORT, 'event_mention: a span past the end of its article''s body'); END;
CREATE TRIGGER span_within_body_event_mention_update BEFORE UPDATE OF article_id, span_end ON event_mention WHEN NEW.span_end > (SELECT length(body) FROM article WHERE id = NEW.article_id) BEGIN SELECT RAISE(ABORT, 'event_mention: a span past the end of its article''s body'); END;
CREATE TRIGGER span_within_body_affiliation_insert BEFORE INSERT ON affiliation WHEN NEW.span_end > (SELECT length(body) FROM article WHERE id = NEW.article_id) BEGIN SELECT RAISE(ABORT, 'affiliation: a span past the end of its article''s body'); END;
CREATE TRIGGER span_within_body_affiliation_update BEFORE UPDATE OF article_id, span_end ON affiliation WHEN NEW.span_end > (SELECT length(body) FROM article WHERE id = NEW.article_id) BEGIN SELECT RAISE(ABORT, 'affiliation: a span past the end of its article''s body'); END;
CREATE TRIGGER span_within_body_quote_insert BEFORE INSERT ON quote WHEN NEW.span_end > (SELECT length(body) FROM article WHERE id = NEW.article_id) OR NEW.cue_end > (SELECT length(body) FROM article WHERE id = NEW.article_id) BEGIN SELECT RAISE(ABORT, 'quote: a span past the end of its article''s body'); END;
CREATE TRIGGER span_within_body_quote_update BEFORE UPDATE OF article_id, span_end, cue_end ON quote WHEN NEW.span_end > (SELECT length(body) FROM article WHERE id = NEW.article_id) OR NEW.cue_end > (SELECT length(body) FROM article WHERE id = NEW.article_id) BEGIN SELECT RAISE(ABORT, 'quote: a span past the end of its article''s body'); END;
CREATE TRIGGER span_within_body_claim_insert BEFORE INSERT ON claim WHEN NEW.span_end > (SELECT length(body) FROM article WHERE id = NEW.article_id) OR NEW.cue_end > (SELECT length(body) FROM article WHERE id = NEW.article_id) BEGIN SELECT RAISE(ABORT, 'claim: a span past the end of its article''s body'); END;
CREATE TRIGGER span_within_body_claim_update BEFORE UPDATE OF article_id, span_end, cue_end ON claim WHEN NEW.span_end > (SELECT length(body) FROM article WHERE id = NEW.article_id) OR NEW.cue_end > (SELECT length(body) FROM article WHERE id = NEW.article_id) BEGIN SELECT RAISE(ABORT, 'claim: a span past the end of its article''s body'); END;
CREATE TRIGGER span_within_body_time_expression_insert BEFORE INSERT ON time_expression WHEN NEW.span_end > (SELECT length(body) FROM article WHERE id = NEW.article_id) BEGIN SELECT RAISE(ABORT, 'time_expression: a span past the end of its article''s body'); END;
CREATE TRIGGER span_within_body_time_expression_update BEFORE UPDATE OF article_id, span_end ON time_expression WHEN NEW.span_end > (SELECT length(body) FROM article WHERE id = NEW.article_id) BEGIN SELECT RAISE(ABORT, 'time_expression: a span past the end of its article''s body'); END;
CREATE TRIGGER body_holds_spans BEFORE UPDATE OF body ON article WHEN EXISTS (SELECT 1 FROM paragraph r WHERE r.article_id = NEW.id AND (r.span_end > length(NEW.body))) OR EXISTS (SELECT 1 FROM mention r WHERE r.article_id = NEW.id AND (r.span_end > length(NEW.body))) OR EXISTS (SELECT 1 FROM event_mention r WHERE r.article_id = NEW.id AND (r.span_end > length(NEW.body))) OR EXISTS (SELECT 1 FROM affiliation r WHERE r.article_id = NEW.id AND (r.span_end > length(NEW.body))) OR EXISTS (SELECT 1 FROM quote r WHERE r.article_id = NEW.id AND (r.span_end > length(NEW.body) OR r.cue_end > length(NEW.body))) OR EXISTS (SELECT 1 FROM claim r WHERE r.article_id = NEW.id AND (r.span_end > length(NEW.body) OR r.cue_end > length(NEW.body))) OR EXISTS (SELECT 1 FROM time_expression r WHERE r.article_id = NEW.id AND (r.span_end > length(NEW.body))) BEGIN SELECT RAISE(ABORT, 'article: the body would end before a span of its rows'); END;
CREATE TRIGGER continues_no_cycle_insert AFTER INSERT ON quote WHEN NEW.continues_id IS NOT NULL AND EXISTS (WITH RECURSIVE chain(id) AS (
        SELECT NEW.continues_id
        UNION SELECT q.continues_id FROM quote q JOIN chain ON q.id = chain.id
        WHERE q.continues_id IS NOT NULL)
    SELECT 1 FROM chain WHERE chain.id = NEW.id) BEGIN SELECT RAISE(ABORT, 'quote: its continuations would make a cycle'); END;
CREATE TRIGGER continues_no_cycle_update AFTER UPDATE OF continues_id ON quote WHEN NEW.continues_id IS NOT NULL AND EXISTS (WITH RECURSIVE chain(id) AS (
        SELECT NEW.continues_id
        UNION SELECT q.continues_id FROM quote q JOIN chain ON q.id = chain.id
        WHERE q.continues_id IS NOT NULL)
    SELECT 1 FROM chain WHERE chain.id = NEW.id) BEGIN SELECT RAISE(ABORT, 'quote: its continuations would make a cycle'); END;
