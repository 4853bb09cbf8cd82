#!/usr/bin/env bash
# The one place that lists the Debian packages commsim needs to build, test and run
# (CI, README and developers all call this). Run as root on Debian 12.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  libboost-graph-dev libeigen3-dev libtbb-dev
  libhdf5-dev hdf5-tools
  libcxxopts-dev catch2 libtomlplusplus-dev librandom123-dev
  # cluster runs: MPI sweeps, and the one-node Slurm cluster of the slurm test
  openmpi-bin libopenmpi-dev
  slurmctld slurmd slurm-client munge
  # tests only: clang and its sanitizer/libFuzzer runtimes for scripts/sanitize.sh (16: it
  # has the std::source_location the code uses; Debian's default clang 14 does not)
  clang-16 libclang-rt-16-dev
  # analysis package and its tests (Debian's /usr/bin/python3)
  python3-h5py python3-numpy python3-pandas python3-matplotlib python3-scipy python3-pytest
)
# Nothing to do when every package is already there (a developer's second run).
missing=$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${packages[@]}" 2>&1 | grep -v '^ii ' || true)
[ -z "$missing" ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${packages[@]}"
