// gulp 5 tasks, as a SharePoint/Teams developer expects them. Each task runs the
// same npm script as its command-line twin, so there is one way of doing each thing:
// `gulp build` is `npm run build`, `gulp provision --site <url>` is
// `npm run provision -- --site <url>`, and so on. Arguments after the task name pass through.
'use strict';
const { spawn } = require('node:child_process');

function npmScript(script) {
  const task = () =>
    new Promise((resolve, reject) => {
      const i = process.argv.indexOf(taskNameOf(script));
      const extra = i >= 0 ? process.argv.slice(i + 1) : [];
      const args = ['run', script, ...(extra.length > 0 ? ['--', ...extra] : [])];
      const child = spawn('npm', args, { stdio: 'inherit', shell: process.platform === 'win32' });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run ${script} exited with ${code}`))));
    });
  task.displayName = taskNameOf(script);
  task.description = `Runs \`npm run ${script}\``;
  return task;
}

const TASKS = {
  build: 'build',
  serve: 'start',
  test: 'test',
  provision: 'provision',
  reminders: 'reminders',
  template: 'template',
  bench: 'bench',
  lint: 'lint',
  package: 'package',
  icons: 'icons',
  import: 'import',
  export: 'export',
};

function taskNameOf(script) {
  return Object.keys(TASKS).find((name) => TASKS[name] === script) ?? script;
}

for (const [name, script] of Object.entries(TASKS)) {
  exports[name] = npmScript(script);
}
exports.default = exports.build;
