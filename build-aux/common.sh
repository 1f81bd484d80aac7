# shellcheck shell=bash
# Shared by build-aux/run and build-aux/test (sourced, not executed).
#
# The one place that says which Debian packages the project needs to build, run and test, how
# they are installed, and how the in-tree build directory is configured.

# Build, run and test dependencies: everything a bare Debian 12 "bookworm" or 13 "trixie" lacks
# (both have these names; `debootstrap --variant=minbase` makes such a bare system).
SF_DEB_PACKAGES=(
  gcc
  libc6-dev
  libgtk-4-dev
  libadwaita-1-dev
  libsqlite3-dev
  libjson-glib-dev
  libxlsxwriter-dev
  # xlsxwriter.pc requires minizip, which Debian 13's libxlsxwriter-dev does not pull in
  libminizip-dev
  meson
  ninja-build
  pkg-config
  gettext
  xvfb
  xauth
  desktop-file-utils
  appstream
  fonts-cantarell
  fonts-dejavu-core
  librsvg2-common
  dbus
  dbus-x11
  at-spi2-core
  locales
  sqlite3
  flatpak-builder
  libpq-dev
  libsecret-1-dev
  postgresql
  unzip
  # the TLS test's certificates (build-aux/pg-cluster with SF_PG_CLUSTER_TLS=1)
  openssl
)

# Packages a particular run needs besides these (build-aux/sanitize: clang and its runtime).
# shellcheck disable=SC2206 # a list of package names
SF_DEB_PACKAGES+=(${SF_EXTRA_PACKAGES:-})

# The in-tree build directory and install prefix (both ignored by git).
SF_BUILD_DIR="${SF_BUILD_DIR:-build}"
SF_PREFIX="$PWD/.local"

sf_log ()
{
  printf '%s: %s\n' "${0##*/}" "$*" >&2
}

# Runs "$@" as root: directly when we are root, else through sudo (non-interactive when there is
# no terminal to ask for a password on). Returns non-zero when neither is possible.
sf_as_root ()
{
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    if [ -t 0 ]; then
      sudo "$@"
    else
      sudo -n "$@"
    fi
  else
    sf_log "need root to run: $* (not root and no sudo)"
    return 1
  fi
}

# Prints the packages of SF_DEB_PACKAGES that are not installed, one a line.
sf_missing_packages ()
{
  local pkg status
  for pkg in "${SF_DEB_PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
    case "$status" in
      ii*) ;;
      *) printf '%s\n' "$pkg" ;;
    esac
  done
}

# Installs whatever is missing. Does nothing (and needs no network) when all is present.
sf_install_deps ()
{
  local missing
  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    sf_log "not a Debian system: install the equivalents of these yourself: ${SF_DEB_PACKAGES[*]}"
    return 0
  fi

  mapfile -t missing < <(sf_missing_packages)
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi

  sf_log "installing missing packages: ${missing[*]}"
  sf_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  sf_as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Generates the da_DK.UTF-8 locale if it is missing (for running the app and screenshots in
# Danish). Tests do not need it; when it cannot be generated this only warns.
sf_ensure_danish_locale ()
{
  if locale -a 2>/dev/null | grep -qiE '^da_DK\.utf-?8$'; then
    return 0
  fi
  if [ ! -f /etc/locale.gen ] ||
     { ! command -v locale-gen >/dev/null 2>&1 && [ ! -x /usr/sbin/locale-gen ]; }; then
    sf_log "warning: cannot generate da_DK.UTF-8 (no /etc/locale.gen or locale-gen); continuing"
    return 0
  fi

  sf_log "generating the da_DK.UTF-8 locale"
  if grep -qE '^[#[:space:]]*da_DK\.UTF-8[[:space:]]+UTF-8' /etc/locale.gen; then
    sf_as_root sed -i -E 's/^[#[:space:]]*(da_DK\.UTF-8[[:space:]]+UTF-8)/\1/' /etc/locale.gen ||
      { sf_log "warning: could not edit /etc/locale.gen; continuing"; return 0; }
  else
    printf 'da_DK.UTF-8 UTF-8\n' | sf_as_root tee -a /etc/locale.gen >/dev/null ||
      { sf_log "warning: could not edit /etc/locale.gen; continuing"; return 0; }
  fi
  sf_as_root env PATH="$PATH:/usr/sbin:/sbin" locale-gen >/dev/null ||
    sf_log "warning: locale-gen failed; continuing without da_DK.UTF-8"
  return 0
}

# Configures the build directory with the in-tree prefix: a fresh setup when it does not exist,
# else a reconfigure (which also picks up changed options such as the prefix). Extra arguments are
# passed to meson (e.g. -Db_sanitize=address,undefined).
sf_setup_build ()
{
  if [ -f "$SF_BUILD_DIR/meson-private/coredata.dat" ]; then
    meson setup --reconfigure "$SF_BUILD_DIR" --prefix="$SF_PREFIX" "$@"
  else
    meson setup "$SF_BUILD_DIR" --prefix="$SF_PREFIX" "$@"
  fi
}
