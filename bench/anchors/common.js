// Shared by the Node anchors: reading an export (export.py), timing, checking.
'use strict';
const fs = require('fs');
const path = require('path');

function load(dir) {
  const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  return { rules: read('rules.json'), facts: read('facts.json'), expected: read('expected.json') };
}

// The fired rule ids of every profile against what limber fired; throws at the first difference.
function check(engine, fired, expected) {
  for (let i = 0; i < expected.length; i++) {
    const a = [...fired[i]].sort().join(' ');
    const b = [...expected[i]].sort().join(' ');
    if (a !== b) throw new Error(`${engine}: profile ${i} fired [${a}], limber fired [${b}]`);
  }
}

// CPU seconds of this process (user + system).
function cpuSeconds() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function report(engine, rules, profiles, wall, cpu) {
  const evaluations = rules * profiles;
  console.log(JSON.stringify({
    engine, rules, profiles, wall_s: wall, cpu_s: cpu,
    us_per_profile: (cpu / profiles) * 1e6, evaluations_per_s: evaluations / cpu, checked: true,
  }));
}

module.exports = { load, check, cpuSeconds, report };
