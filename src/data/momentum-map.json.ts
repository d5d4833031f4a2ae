// Data loader: the momentum page's (η, μ) map for every value of its κ slider, computed with lib's convergenceMap
// (the same runs the page would make) and packed by ../components/momentumMapTable.ts. The start is the page's
// ✏️ cell's; the page checks the table's spec and computes the map itself when its objective or start differ.
import { convergenceMap } from "../../lib/analysis/convergenceMap.js";
import { mapOptions, packCells, sliderKappas, tableSpec, type MapTable } from "../components/momentumMapTable.js";

const start = [-3.5, 1.5];
const table: MapTable = { spec: tableSpec(start), cells: {} };
for (const kappa of sliderKappas) {
  table.cells[String(kappa)] = packCells(convergenceMap(mapOptions({ name: "ravine", params: { kappa } }, start, kappa)));
}
process.stdout.write(JSON.stringify(table));
