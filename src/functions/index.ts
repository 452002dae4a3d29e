/**
 * Entry of the functions bundle. Each adapter module registers its functions with Excel
 * (`CustomFunctions.associate`, added at build time from the JSDoc by the metadata plugin).
 * The list of adapter modules is `FUNCTION_FILES` in webpack.config.js.
 */
import "./runtime";
import "./billing";
import "./contract";
import "./storage";
import "./translation";
import "./sla";
