// Writes data files in the web editor's own YAML style, so that a save through the editor changes
// only what the editor changed (docs/operating.md, "Web editor"). Sveltia CMS saves a file by ordering each
// entry's keys as the form lists its fields, leaving out empty optional fields
// (omit_empty_optional_fields), and formatting with the `yaml` package and these options
// (@sveltia/cms src/lib/services/contents/file/format.js, formatYAML). A checkbox that an entry
// lacks is written with its default. tests/test_cms_format.py
// checks that the `yaml` version pinned here is the one bundled in the editor.
//
// Usage: node format-data.mjs [--check] <config.json> <data file>...
//        node format-data.mjs --values   (stdin: a JSON list of values; stdout: each as YAML)
//   config.json: the editor's configuration as JSON (scripts/format_data.py makes it).
//   --check: write nothing; print the files that are not in the editor's style, exit 1 if any.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse, stringify } from 'yaml';

const YAML_OPTIONS = {
  indent: 2,
  indentSeq: true,
  lineWidth: 0,
  defaultKeyType: 'PLAIN',
  defaultStringType: 'PLAIN',
  singleQuote: true,
};

// Sveltia's isValueEmpty: false and 0 are values.
const isEmpty = (value) =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (value?.constructor === Object && Object.keys(value).length === 0);

// The editor trims every text it saves (src/lib/services/contents/draft/save/changes.js), so a
// Markdown body loses its final line break (`|` becomes `|-`).
const trimmed = (value) => {
  if (typeof value === 'string') {
    return value.trim();
  }
  if (Array.isArray(value)) {
    return value.map(trimmed);
  }
  if (value?.constructor === Object) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, trimmed(child)]));
  }
  return value;
};

const inOrder = (value, fields) => {
  if (!fields || value?.constructor !== Object) {
    return value;
  }
  const result = {};
  fields.forEach((field) => {
    // The editor gives a checkbox missing from an entry its default (false) and writes it out.
    if (!(field.name in value) && field.widget !== 'boolean') {
      return;
    }
    let child = field.name in value ? value[field.name] : (field.default ?? false);
    if (field.fields && Array.isArray(child)) {
      child = child.map((item) => inOrder(item, field.fields));
    } else if (field.fields) {
      child = inOrder(child, field.fields);
    }
    if (!(field.required === false && isEmpty(child))) {
      result[field.name] = child;
    }
  });
  Object.keys(value)
    .filter((key) => !(key in result) && !fields.some((field) => field.name === key))
    .sort()
    .forEach((key) => {
      result[key] = value[key];
    });
  return result;
};

export const formatData = (text, fields) =>
  `${stringify(inOrder(trimmed(parse(text)), fields), null, YAML_OPTIONS).trim()}\n`;

const main = () => {
  const args = process.argv.slice(2);
  const check = args[0] === '--check';
  const [configPath, ...paths] = check ? args.slice(1) : args;
  const config = JSON.parse(readFileSync(configPath, 'utf8'));
  const fieldsOf = new Map(
    config.collections.flatMap((collection) => (collection.files || []).map((file) => [file.file, file.fields])),
  );
  // Folder collections (news: one file per item) by their folder, e.g. data/nyheder.
  const folderFields = config.collections.filter((collection) => collection.folder);
  const fieldsFor = (path) => {
    const key = [...fieldsOf.keys()].find((file) => path === file || path.endsWith(`/${file}`));
    if (key) {
      return fieldsOf.get(key);
    }
    const folder = path.split('/').slice(0, -1).join('/');
    const found = folderFields.find((c) => folder === c.folder || folder.endsWith(`/${c.folder}`));
    return found?.fields;
  };
  const changed = paths.filter((path) => {
    const text = readFileSync(path, 'utf8');
    const formatted = formatData(text, fieldsFor(path));
    if (formatted === text) {
      return false;
    }
    if (!check) {
      writeFileSync(path, formatted);
    }
    return true;
  });
  changed.forEach((path) => console.log(path));
  process.exitCode = check && changed.length ? 1 : 0;
};

// Each value as the editor would write it in a field (`key: value`), for tests of what the
// validator reads back.
const formatValues = () => {
  const values = JSON.parse(readFileSync(0, 'utf8'));
  process.stdout.write(JSON.stringify(values.map((value) => formatData(JSON.stringify({ key: value }), null))));
};

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === '--values') {
    formatValues();
  } else {
    main();
  }
}
