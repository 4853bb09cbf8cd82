#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "sim/random/distributions.hpp"
#include "sim/random/random_stream.hpp"

using namespace sim;

TEST_CASE("a stream is a pure function of seed, purpose, entity and tick", "[random]") {
  RandomStream a(42, 7, 3, 100), b(42, 7, 3, 100);
  for (int i = 0; i < 1000; ++i) REQUIRE(a.next_u32() == b.next_u32());
}

TEST_CASE("streams differing in any key component differ", "[random]") {
  auto first = [](RandomStream s) {
    std::vector<std::uint32_t> v;
    for (int i = 0; i < 8; ++i) v.push_back(s.next_u32());
    return v;
  };
  auto base = first(RandomStream(42, 7, 3, 100));
  CHECK(first(RandomStream(43, 7, 3, 100)) != base);
  CHECK(first(RandomStream(42, 8, 3, 100)) != base);
  CHECK(first(RandomStream(42, 7, 4, 100)) != base);
  CHECK(first(RandomStream(42, 7, 3, 101)) != base);
  CHECK(first(RandomStream(42ull | (1ull << 40), 7, 3, 100)) != base);  // high seed bits count
}

TEST_CASE("uniform draws have the right moments and neighbouring streams are uncorrelated",
          "[random]") {
  const int n = 200000;
  double sum = 0, sum2 = 0, cross = 0;
  for (int i = 0; i < n; ++i) {
    RandomStream s(1, 1, static_cast<std::uint32_t>(i), 0),
        t(1, 1, static_cast<std::uint32_t>(i + 1), 0);
    double u = s.uniform(), v = t.uniform();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    sum += u;
    sum2 += u * u;
    cross += (u - 0.5) * (v - 0.5);
  }
  double mean = sum / n, var = sum2 / n - mean * mean;
  CHECK(mean == Approx(0.5).margin(0.005));
  CHECK(var == Approx(1.0 / 12).margin(0.002));
  CHECK(cross / n / (1.0 / 12) == Approx(0.0).margin(0.01));  // correlation
}

TEST_CASE("below(n) is unbiased over its range", "[random]") {
  RandomStream s(9, 9, 9, 9);
  std::vector<int> counts(7, 0);
  const int n = 70000;
  for (int i = 0; i < n; ++i) ++counts[s.below(7)];
  for (int c : counts) CHECK(c == Approx(n / 7.0).epsilon(0.05));
}

TEST_CASE("derived distributions match their means", "[random]") {
  RandomStream s(5, 5, 5, 5);
  const int n = 100000;
  double normal = 0, normal2 = 0, poisson_small = 0, poisson_large = 0, geo = 0, beta = 0,
         gamma = 0;
  for (int i = 0; i < n; ++i) {
    double z = s.normal();
    normal += z;
    normal2 += z * z;
    poisson_small += static_cast<double>(draw_poisson(s, 3.5));
    poisson_large += static_cast<double>(draw_poisson(s, 250.0));
    geo += static_cast<double>(draw_geometric(s, 0.2));
    beta += draw_beta(s, 2.0, 5.0);
    gamma += draw_gamma(s, 0.5);
  }
  CHECK(normal / n == Approx(0.0).margin(0.01));
  CHECK(normal2 / n == Approx(1.0).margin(0.02));
  CHECK(poisson_small / n == Approx(3.5).epsilon(0.01));
  CHECK(poisson_large / n == Approx(250.0).epsilon(0.005));
  CHECK(geo / n == Approx(4.0).epsilon(0.02));  // (1-p)/p
  CHECK(beta / n == Approx(2.0 / 7).epsilon(0.01));
  CHECK(gamma / n == Approx(0.5).epsilon(0.02));
}

TEST_CASE("unit vectors are unit length and have no preferred direction", "[random]") {
  Eigen::VectorXf v(8), mean = Eigen::VectorXf::Zero(8);
  for (std::uint32_t i = 0; i < 20000; ++i) {
    RandomStream s(3, 3, i, 0);
    draw_unit_vector(s, v);
    REQUIRE(v.norm() == Approx(1.0f).epsilon(1e-5));
    mean += v;
  }
  CHECK((mean / 20000.0f).norm() < 0.03f);
}
