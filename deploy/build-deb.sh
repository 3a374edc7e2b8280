#!/bin/sh
# Build Fyr's Debian package with cargo-deb and check what is in it. Needs a release build
# (about 25 minutes on 2 cores the first time), so it is not part of `cargo test`:
#
#   deploy/build-deb.sh            → target/debian/fyr_<version>_<arch>.deb
set -eu
cd "$(dirname "$0")/.."
if ! command -v cargo-deb >/dev/null 2>&1; then
    cargo install cargo-deb --locked
fi
systemd-analyze verify deploy/fyr.service
cargo deb --locked
deb=$(ls -t target/debian/fyr_*.deb | head -1)
echo "built $deb"
contents=$(dpkg-deb --contents "$deb")
for f in ./usr/bin/fyr ./lib/systemd/system/fyr.service ./etc/fyr/bot.toml \
         ./etc/fyr/staff.csv.example ./usr/share/doc/fyr/README.md; do
    echo "$contents" | grep -q " $f\$" || { echo "missing in the package: $f" >&2; exit 1; }
done
dpkg-deb --info "$deb" | grep -q 'postinst' || { echo "no postinst" >&2; exit 1; }
echo "$contents"
echo "ok: the package has the binary, the unit, the sample configuration and the README"
