// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // nuqs ships ESM only; listing it here is also what lets next/jest transform it.
  transpilePackages: ["nuqs"],
};

module.exports = nextConfig;
