#!/bin/bash
# Restores a backup of deploy/backup.sh: the database dump into DATABASE_URL, the media
# archive into MEDIA_ROOT.
#
#   deploy/restore.sh proxima-STAMP.dump proxima-media-STAMP.tar.gz
#
# The database must exist (createdb, owned by the application's user); what it holds of
# Proxima is replaced, in one transaction: a restore that fails leaves it as it was.
# The media archive is unpacked over MEDIA_ROOT (files of the backup replace theirs,
# others stay). Stop the application first (systemctl stop proxima), start it after.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 DATABASE_DUMP MEDIA_ARCHIVE" >&2
  exit 2
fi
dump=$1
archive=$2
media=${MEDIA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)/media}
: "${DATABASE_URL:?DATABASE_URL must name the database to restore into}"

pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction \
  --exit-on-error --dbname "$DATABASE_URL" "$dump"
mkdir -p "$media"
tar --extract --gzip --file "$archive" --directory "$media"
echo "Restored $dump into the database and $archive into $media"
