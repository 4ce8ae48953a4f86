// Writes data files in the web editor's own YAML style, so that a save through the editor changes
// only what the editor changed (README, "Web editor"). Sveltia CMS saves a file by ordering each
// entry's keys as the form lists its fields, leaving out empty optional fields
// (omit_empty_optional_fields), and formatting with the `yaml` package and these options
// (@sveltia/cms src/lib/services/contents/file/format.js, formatYAML). tests/test_cms_format.py
// checks that the `yaml` version pinned here is the one bundled in the editor.
//
// Usage: node format-data.mjs [--check] <config.json> <data file>...
//   config.json: the editor's configuration as JSON (scripts/format_data.py makes it).
//   --check: write nothing; print the files that are not in the editor's style, exit 1 if any.
import { readFileSync, writeFileSync } from 'node:fs';
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

const inOrder = (value, fields) => {
  if (!fields || value?.constructor !== Object) {
    return value;
  }
  const result = {};
  fields.forEach((field) => {
    if (!(field.name in value)) {
      return;
    }
    let child = value[field.name];
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
  `${stringify(inOrder(parse(text), fields), null, YAML_OPTIONS).trim()}\n`;

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

main();
