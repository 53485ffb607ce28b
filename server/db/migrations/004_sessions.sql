-- The programme of live sessions: launches at an exhibitor's booth (scheduled by its staff) and forums in the
-- lobby (scheduled by organisers). The convention's own past forums live in the content pack, not here.
create extension if not exists btree_gist;

create table live_sessions (
  id uuid primary key,
  -- 'lobby', or 'booth:<exhibitor id>': one text key, so one constraint keeps every venue to one session at a time
  venue text not null,
  exhibitor_id text references exhibitors (id),
  kind text not null check (kind in ('forum', 'launch', 'talk', 'tour')),
  -- { "zh-CN"?, "en"?, "ko"? }: at least one, checked by the API's schema before it gets here
  title jsonb not null check (jsonb_typeof(title) = 'object'),
  description jsonb check (description is null or jsonb_typeof(description) = 'object'),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  created_by uuid not null references staff (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at),
  check (ends_at - starts_at <= interval '12 hours'),
  -- a booth's session is at that exhibitor's booth; the lobby belongs to no exhibitor
  check ((venue = 'lobby' and exhibitor_id is null) or (exhibitor_id is not null and venue = 'booth:' || exhibitor_id)),
  -- One session at a time per venue, whatever the code above does (half-open: back to back is fine).
  constraint live_sessions_venue_free exclude using gist (venue with =, tstzrange(starts_at, ends_at) with &&)
);
create index live_sessions_ends on live_sessions (ends_at);
