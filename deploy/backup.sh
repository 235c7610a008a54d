#!/bin/bash
# Backs up Proxima: the database (pg_dump's custom format) and the media (tar), each to
# one file named with the time, in DESTINATION; deletes those older than BACKUP_KEEP_DAYS.
#
#   deploy/backup.sh [DESTINATION]     (default: $BACKUP_DIR or /var/backups/proxima)
#
# Reads DATABASE_URL (postgres://user:password@host:port/name) and MEDIA_ROOT (default:
# media/ beside manage.py), as the application does: run it with the application's
# environment (the systemd unit proxima-backup.service does). Restore: deploy/restore.sh.
set -euo pipefail

destination=${1:-${BACKUP_DIR:-/var/backups/proxima}}
media=${MEDIA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)/media}
keep_days=${BACKUP_KEEP_DAYS:-14}
: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database}"
stamp=$(date -u +%Y%m%dT%H%M%SZ)

umask 077  # residents' reports and contacts are in there
mkdir -p "$destination"
database="$destination/proxima-$stamp.dump"
files="$destination/proxima-media-$stamp.tar.gz"
# Written under a temporary name, renamed once whole: a listed backup is a complete one.
pg_dump --format=custom --no-owner --no-privileges --file "$database.part" "$DATABASE_URL"
mv "$database.part" "$database"
tar --create --gzip --file "$files.part" --directory "$media" .
mv "$files.part" "$files"
find "$destination" -maxdepth 1 -name 'proxima-*' -mtime "+$keep_days" -delete
echo "$database"
echo "$files"
