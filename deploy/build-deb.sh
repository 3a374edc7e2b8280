#!/bin/sh
# Build Fyr's Debian package with cargo-deb and check what is in it. Needs a release build
# (about 25 minutes on 2 cores the first time), so it is not part of `cargo test`:
#
#   deploy/build-deb.sh            → target/debian/fyr_<version>_<arch>.deb
#   deploy/build-deb.sh --no-default-features   (console only: a quick check of the packaging)
set -eu
cd "$(dirname "$0")/.."
if ! command -v cargo-deb >/dev/null 2>&1; then
    cargo install cargo-deb --locked
fi
# cargo deb prints the package's path last.
deb=$(cargo deb --locked "$@" | tail -1)
echo "built $deb"
# The unit as installed, checked against the binary just built (verify wants ExecStart to exist).
unit=$(mktemp -d)/fyr.service
bin=$(cargo metadata --format-version 1 --no-deps | sed 's/.*"target_directory":"\([^"]*\)".*/\1/')/release/fyr
sed "s#/usr/bin/fyr#$bin#" deploy/fyr.service > "$unit"
systemd-analyze verify "$unit"
systemd-analyze security --offline=yes "$unit" | tail -1
contents=$(dpkg-deb --contents "$deb")
for f in ./usr/bin/fyr ./lib/systemd/system/fyr.service ./etc/fyr/bot.toml \
         ./etc/fyr/staff.csv.example ./usr/share/doc/fyr/README.md; do
    echo "$contents" | grep -q " $f\$" || { echo "missing in the package: $f" >&2; exit 1; }
done
dpkg-deb --info "$deb" | grep -q 'postinst' || { echo "no postinst" >&2; exit 1; }
echo "$contents"
echo "ok: the package has the binary, the unit, the sample configuration and the README"
