// Test-only: validates every Kubernetes object in the given YAML files against the OpenAPI
// schemas that the kubernetes-models packages compile (Kubernetes 1.27.1 and 1.33.0), strictly:
// besides type and required-field errors, any field the schema does not know is an error (the
// schema code is run on a proxy that records which fields it looked at).
//
// usage: node validate.js [--skip-group GROUP]... FILE...
// Prints one line per problem and a summary; exit status 1 when a problem was found.
"use strict";
const fs = require("fs");
const path = require("path");
const yaml = require("js-yaml");

const PACKAGES = [
  { name: "kubernetes-models-1.27", kubernetes: "1.27.1" },
  { name: "kubernetes-models-1.33", kubernetes: "1.33.0" },
];

function packageRoot(name) {
  // The packages export only their model paths; the compiled schemas sit beside them.
  return path.resolve(path.dirname(require.resolve(`${name}/v1/Pod`)), "..");
}

function schemaName(apiVersion, kind) {
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  const groupPart = group === "" ? "Core" : cap(group.split(".")[0]);
  return `IoK8sApi${groupPart}${cap(version)}${kind}`;
}

function tracked(value, where, seen) {
  if (value === null || typeof value !== "object") return value;
  return new Proxy(value, {
    get(target, key) {
      if (typeof key === "string") seen.add(where + "/" + key);
      return tracked(target[key], where + "/" + key, seen);
    },
  });
}

function unknownFields(value, where, seen, out) {
  if (value === null || typeof value !== "object") return;
  for (const key of Object.keys(value)) {
    const child = where + "/" + key;
    if (!Array.isArray(value) && !seen.has(child)) out.push(child);
    unknownFields(value[key], child, seen, out);
  }
}

const skipGroups = [];
const files = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--skip-group") skipGroups.push(args[++i]);
  else files.push(args[i]);
}

let problems = 0, checked = 0, skipped = 0;
const roots = PACKAGES.map((p) => ({ ...p, root: packageRoot(p.name) }));
for (const file of files) {
  let docs;
  try {
    docs = yaml.loadAll(fs.readFileSync(file, "utf8"));
  } catch (e) {
    console.log(`${file}: cannot read: ${e.message.split("\n")[0]}`);
    problems++;
    continue;
  }
  docs.forEach((doc, i) => {
    if (doc === null || doc === undefined) return;
    const label = `${file}: document ${i + 1} (${doc.kind}/${doc.metadata && doc.metadata.name})`;
    const group = String(doc.apiVersion || "").includes("/") ? doc.apiVersion.split("/")[0] : "";
    if (skipGroups.includes(group)) { skipped++; return; }
    for (const pkg of roots) {
      const schemaFile = path.join(pkg.root, "_schemas", schemaName(doc.apiVersion, doc.kind) + ".js");
      if (!fs.existsSync(schemaFile)) {
        console.log(`${label}: Kubernetes ${pkg.kubernetes}: no schema for ${doc.apiVersion} ${doc.kind}`);
        problems++;
        continue;
      }
      const { validate } = require(schemaFile);
      const seen = new Set();
      const valid = validate(tracked(doc, "", seen));
      if (!valid) {
        for (const e of validate.errors) {
          // Older compiled schemas carry no messages: print the failed keyword and its parameters.
          const what = e.message || `${e.keyword} ${JSON.stringify(e.params)}`;
          console.log(`${label}: Kubernetes ${pkg.kubernetes}: ${e.instancePath || "/"} ${what}`);
        }
        problems++;
        continue;
      }
      const unknown = [];
      unknownFields(doc, "", seen, unknown);
      for (const u of unknown) console.log(`${label}: Kubernetes ${pkg.kubernetes}: unknown field ${u}`);
      problems += unknown.length;
    }
    checked++;
  });
}
console.log(`validated ${checked} object(s) against Kubernetes ${PACKAGES.map((p) => p.kubernetes).join(" and ")}; ` +
            `${skipped} skipped (${skipGroups.join(", ") || "none"}); ${problems} problem(s)`);
process.exit(problems === 0 && checked > 0 ? 0 : 1);
