/**
 * The everyday commands of the OCDS tools (named and behaving as ocdskit's do: package-releases,
 * package-records, combine-*-packages, split-*-packages, detect-format, echo), as `nous ocds`
 * subcommands. Declarations only; the work is in ocds-kit-run.ts, loaded when one runs. Each
 * reads files (or stdin when none or "-") and writes stdout.
 */
import type { Command } from "commander";

const run = () => import("./ocds-kit-run.ts");
type PackageOptions = import("./ocds-kit-run.ts").PackageOptions;
type EchoOptions = import("./ocds-kit-run.ts").EchoOptions;
type GivenReadOptions = import("../../io/ocds-read-options.ts").GivenReadOptions;

const INPUT =
  "input files: packages, releases or records as JSON, JSON Lines, arrays or concatenated JSON, plain or gzip (default or -: stdin)";

function formatOptions(c: Command): Command {
  return c
    .option("--pretty", "indent the output (two spaces)")
    .option("--ascii", "write escape sequences instead of non-ASCII characters");
}

function packageOptions(c: Command, what: string): Command {
  return formatOptions(c)
    .option("--uri <uri>", `the ${what} package's uri`)
    .option("--published-date <date>", `the ${what} package's publishedDate`)
    .option("--version <version>", `the ${what} package's version`, "1.1")
    .option("--publisher-name <name>", "the publisher's name")
    .option("--publisher-uri <uri>", "the publisher's uri")
    .option("--publisher-scheme <scheme>", "the publisher's scheme")
    .option("--publisher-uid <uid>", "the publisher's uid")
    .option(
      "--fake",
      'fill the required fields not given with placeholders (uri "placeholder:", publishedDate 9999-01-01T00:00:00Z)',
    );
}

export function registerOcdsKit(ocds: Command): void {
  for (const [name, key, item] of [
    ["package-releases", "releases", "release"],
    ["package-records", "records", "record"],
  ] as const) {
    packageOptions(
      ocds
        .command(name)
        .description(
          `Wrap ${key} (one per JSON value read) in one ${item} package (or one per --size ${key}).`,
        )
        .argument("[file...]", INPUT)
        .option("--extension <url...>", "an extension to declare in the package (repeatable)")
        .option("--size <n>", `at most this many ${key} per package, one package per line`),
      item,
    ).action(async (files: string[], o: PackageOptions) => (await run()).packageItems(key, files, o));
  }

  for (const [name, key, item] of [
    ["combine-release-packages", "releases", "release"],
    ["combine-record-packages", "records", "record"],
  ] as const) {
    packageOptions(
      ocds
        .command(name)
        .description(
          `Combine ${item} packages into one: every package's ${key}; the publisher of the last package unless\n` +
            `--publisher-* is given; extensions${key === "records" ? " and packages" : ""} from all of them.`,
        )
        .argument("[file...]", INPUT),
      item,
    ).action(async (files: string[], o: PackageOptions) => (await run()).combinePackages(key, files, o));
  }

  for (const [name, key, item] of [
    ["split-release-packages", "releases", "release"],
    ["split-record-packages", "records", "record"],
  ] as const) {
    formatOptions(
      ocds
        .command(name)
        .description(
          `Split each ${item} package into packages of at most <size> ${key}, one package per line.`,
        )
        .argument("<size>", `${key} per package`)
        .argument("[file...]", INPUT),
    ).action(async (size: string, files: string[], o: EchoOptions) =>
      (await run()).splitPackages(key, size, files, o),
    );
  }

  ocds
    .command("detect-format")
    .description(
      "Say what each file is: a release package, record package, release, record, compiled release or versioned\n" +
        "release, a JSON array of them, or concatenated JSON starting with one.",
    )
    .argument("<file...>", "files to look at (gzip too)")
    .action(async (files: string[], o: GivenReadOptions) => (await run()).detectFormat(files, o));

  formatOptions(
    ocds
      .command("echo")
      .description(
        "Write the input back out, one JSON value per line (or indented with --pretty), as UTF-8 or ASCII.",
      )
      .argument("[file...]", INPUT),
  ).action(async (files: string[], o: EchoOptions) => (await run()).echo(files, o));
}
