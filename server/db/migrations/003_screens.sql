-- Live screens: what the lobby's big screen and each booth's screen play instead of their title card.
-- One row per screen with a source; no row means the title card. The server checks origins against
-- STREAM_ORIGINS (a setting that can change), the database keeps what must hold whatever the code does.
create table screen_sources (
  -- 'lobby', or the exhibitor whose booth the screen stands in
  screen_id text primary key check (screen_id = 'lobby' or screen_id ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
  exhibitor_id text references exhibitors (id) on delete cascade,
  hls_url text check (hls_url is null or (length(hls_url) <= 500 and hls_url ~ '^https?://[^/@\s]+/\S*\.m3u8([?#]\S*)?$')),
  mp4_url text check (mp4_url is null or (length(mp4_url) <= 500 and mp4_url ~ '^https?://[^/@\s]+/\S*\.mp4([?#]\S*)?$')),
  updated_by uuid references staff (id),
  updated_at timestamptz not null default now(),
  check (hls_url is not null or mp4_url is not null),
  -- a booth's screen is its exhibitor's; only the lobby has none
  check ((screen_id = 'lobby') = (exhibitor_id is null) and (exhibitor_id is null or exhibitor_id = screen_id))
);
