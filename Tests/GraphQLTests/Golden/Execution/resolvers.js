// The test schema's resolvers, shared by record.js. Tests/GraphQLTests/Execution/TestSchema.swift
// implements the same behaviour in Swift; keep them in step.
'use strict';

function makeResolvers(data) {
  const humans = data.humans;
  const byKey = (key) => (key === 'dog' ? data.dog : key === 'cat' ? data.cat : null);
  const name = (source, args) =>
    args.surname && source.surname ? source.name + ' ' + source.surname : source.name;
  let mutationCount = 0;
  return {
    QueryRoot: {
      human: (_, args) => (args.id === undefined ? humans[0] : humans.find((h) => h.id === args.id) || null),
      humans: () => humans,
      alien: () => data.alien,
      dog: () => data.dog,
      cat: () => data.cat,
      pet: () => data.dog,
      pets: () => [data.dog, data.cat],
      catOrDog: () => data.cat,
      dogOrHuman: () => humans[0],
      humanOrAlien: () => data.alien,
      being: () => humans[1],
      mammal: () => data.dog,
      intelligent: () => data.alien,
      complicatedArgs: () => ({}),
      failing: () => { throw new Error('failing field'); },
      nonNullFailing: () => { throw new Error('non-null failing field'); },
      nullableItems: () => [1, null, 3],
      nonNullItems: () => [1, null, 3],
      notAList: () => 'nope',
      echo: (_, args) => args.value,
      echoInt: (_, args) => args.value,
      echoList: (_, args) => args.values,
      echoEnum: (_, args) => args.color,
      echoInput: (_, args) => JSON.stringify(args.input),
      unknownPet: () => ({ __typename: 'Unicorn' }),
    },
    Dog: {
      name,
      doesKnowCommand: (source, args) => source.commands.includes(args.dogCommand),
      isHouseTrained: (source, args) => source.houseTrained && !args.atOtherHomes,
      isAtLocation: (_, args) => (args.x ?? 0) === (args.y ?? 0),
    },
    Cat: { name },
    Alien: { name },
    Human: {
      name,
      pets: (source) => source.pets.map(byKey),
      relatives: (source) => source.relatives.map((id) => humans.find((h) => h.id === id)),
      friends: (source) => (source.friends === null ? null : source.friends.map((id) => humans.find((h) => h.id === id))),
      secret: () => { throw new Error('the secret is classified'); },
      nonNullSecret: (source) => {
        if (source.id === '1') return 's1';
        throw new Error('no secret for ' + source.name);
      },
    },
    ComplicatedArgs: Object.fromEntries(
      ['intArgField', 'nonNullIntArgField', 'stringArgField', 'booleanArgField', 'enumArgField',
        'floatArgField', 'idArgField', 'stringListArgField', 'stringListNonNullArgField',
        'complexArgField', 'multipleReqs', 'nonNullFieldWithDefault', 'multipleOpts',
        'multipleOptAndReq'].map((f) => [f, (_, args) => JSON.stringify(args)])),
    MutationRoot: {
      setName: (_, args) => {
        mutationCount += 1;
        return { ...data.dog, name: args.name + '#' + mutationCount };
      },
      failingMutation: () => { throw new Error('mutation failed'); },
    },
    SubscriptionRoot: { newDog: () => data.dog, newCat: () => data.cat },
  };
}

module.exports = { makeResolvers };
