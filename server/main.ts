/**
 * `npm run server` — the community server (docs/community-server.md).
 * `npm run server -- moderator add NAME | list | revoke NAME` — moderator accounts.
 */
import { ConfigError, readConfig } from './config';
import { addModerator, listModerators, ModeratorError, revokeModerator } from './moderators';
import { openDatabase, startServer } from './server';

const USAGE = `usage: npm run server                         start the server
       npm run server -- moderator add NAME     create a moderator; prints the token once (last line)
       npm run server -- moderator list         list moderators
       npm run server -- moderator revoke NAME  revoke a moderator's token`;

async function moderatorCommand(args: string[]): Promise<number> {
  const [verb, name, ...rest] = args;
  if (rest.length || !verb || ((verb === 'add' || verb === 'revoke') && !name) || (verb === 'list' && name)) {
    console.error(USAGE);
    return 2;
  }
  if (!['add', 'list', 'revoke'].includes(verb)) {
    console.error(USAGE);
    return 2;
  }
  const db = await openDatabase(readConfig());
  try {
    if (verb === 'add') {
      const token = await addModerator(db, name!);
      console.log(`Moderator "${name}" added. Their token is shown once; store it now:`);
      console.log(token);
    } else if (verb === 'revoke') {
      await revokeModerator(db, name!);
      console.log(`Moderator "${name}" revoked.`);
    } else {
      const all = await listModerators(db);
      if (all.length === 0) console.log('No moderators.');
      for (const m of all) {
        console.log(`${m.name}\tadded ${m.createdAt.toISOString()}\t${m.revokedAt ? `revoked ${m.revokedAt.toISOString()}` : 'active'}`);
      }
    }
    return 0;
  } catch (err) {
    if (err instanceof ModeratorError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}

async function serve(): Promise<void> {
  const config = readConfig();
  const db = await openDatabase(config);
  const running = await startServer(db, config);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing`);
    running
      .close()
      .then(() => db.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          console.error('shutdown failed:', err);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  console.log(`listening on ${running.url}`);
}

async function main(argv: string[]): Promise<number | undefined> {
  if (argv[0] === 'moderator') return moderatorCommand(argv.slice(1));
  if (argv.length > 0) {
    console.error(USAGE);
    return 2;
  }
  await serve();
  return undefined;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (err: unknown) => {
    console.error(err instanceof ConfigError ? `configuration: ${err.message}` : err);
    process.exit(1);
  },
);
