#!/usr/bin/env bash
# The one place that lists the Debian packages commsim needs (CI, README and developers all
# call this). Run as root, or as a user with sudo, on Debian 12.
#   scripts/install-deps.sh main   what the main job needs: build the binary, run it, plot
#   scripts/install-deps.sh test   that, plus what the tests need (the default)
# To add a package, put it in the array of the job that needs it; test-only tools (e.g.
# sanitizer or fuzzing toolchains) go into test_packages.
set -euo pipefail

# Build and run the commsim binary, read its HDF5 files and draw figures (scripts/main.sh).
main_packages=(
  build-essential cmake ninja-build pkg-config
  libboost-graph-dev libeigen3-dev libtbb-dev libhdf5-dev
  libcxxopts-dev libtomlplusplus-dev librandom123-dev
  python3-h5py python3-numpy python3-pandas python3-matplotlib python3-scipy python3-xarray
)

# Only for the tests (scripts/test.sh): the C++ test framework, the HDF5 command-line tools
# of the command tests, MPI (sweeps over ranks: the test build enables it), the one-node
# Slurm cluster of the slurm test, clang 16 with its sanitizer and libFuzzer runtimes (the
# ASan+UBSan and fuzz tests), pytest, and the notebook and pip-install checks of the
# analysis tests.
test_packages=(
  catch2 hdf5-tools
  openmpi-bin libopenmpi-dev
  slurmctld slurmd slurm-client munge
  # clang and its sanitizer/libFuzzer runtimes for scripts/sanitize.sh (ctest label
  # sanitize; 16: it has the std::source_location the code uses, Debian's default 14 does not)
  clang-16 libclang-rt-16-dev
  python3-pytest python3-venv python3-setuptools
  jupyter-nbconvert python3-ipykernel python3-nbformat
)

case "${1:-test}" in
  main) packages=("${main_packages[@]}") ;;
  test) packages=("${main_packages[@]}" "${test_packages[@]}") ;;
  *) echo "install-deps.sh: unknown set '$1' (main or test)" >&2; exit 2 ;;
esac

# Nothing to do when every package is already there (a developer's second run).
missing=$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${packages[@]}" 2>&1 | grep -v '^ii ' || true)
[ -z "$missing" ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${packages[@]}"
