// Initiates replica set rs0 with the three members of StatefulSet mongodb, once they all answer. Run by Job
// mongodb-init with mongosh against mongodb-0; a set that is already initiated is left as it is.
const members = [0, 1, 2].map(i => ({ _id: i, host: `mongodb-${i}.mongodb:27017` }));

function answers(host) {
  try {
    return connect(`mongodb://${host}/?directConnection=true`).adminCommand({ ping: 1 }).ok === 1;
  } catch (e) {
    return false;
  }
}

for (let attempt = 1; ; attempt++) {
  try {
    const status = db.adminCommand({ replSetGetStatus: 1 });
    print(`replica set ${status.set} is already initiated: ${status.members.map(m => m.name + ' ' + m.stateStr).join(', ')}`);
    break;
  } catch (e) {
    if (e.codeName !== 'NotYetInitialized') {
      throw e;
    }
  }
  const waiting = members.filter(m => !answers(m.host)).map(m => m.host);
  if (waiting.length === 0) {
    printjson(rs.initiate({ _id: 'rs0', members }));
    break;
  }
  if (attempt >= 60) {
    throw new Error(`members not answering after ${attempt} tries: ${waiting.join(', ')}`);
  }
  print(`waiting for ${waiting.join(', ')}`);
  sleep(5000);
}
