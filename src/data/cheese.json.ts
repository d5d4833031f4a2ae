// Serves data/cheese-display.csv (source and licence in data/README.md) to the pages as JSON rows of numbers.
import { readFileSync } from "node:fs";
import { autoType, csvParse } from "d3";

const text = readFileSync(new URL("../../data/cheese-display.csv", import.meta.url), "utf8");
process.stdout.write(JSON.stringify(csvParse(text, autoType)));
