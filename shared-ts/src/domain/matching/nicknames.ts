/**
 * Given-name variants that denote the same person: short forms and the same name across the five seed languages
 * (a name that is also a name of its own, like "Anna"/"Ann" or "Mia", is not listed; nor is a man's name in one
 * language that is a woman's in another, like "Andrea", "Michele", "Nicola", "Daniele", "Gabriele" or "Jo": a
 * nickname link between them would bring two people with the same surname together).
 * Bounded on purpose (a short, reviewable list): each group's first entry is its canonical form, and a match
 * through this list is reported as "nickname" so the badge can say why. Entries are folded (see foldText).
 */
const GROUPS: readonly string[][] = [
  [
    'william',
    'bill',
    'billy',
    'will',
    'willy',
    'liam',
    'willem',
    'wim',
    'wilhelm',
    'wilhelmus',
    'guillaume',
    'guglielmo',
  ],
  ['robert', 'bob', 'bobby', 'rob', 'robbie', 'roberto'],
  ['richard', 'rick', 'ricky', 'rich', 'dick', 'riccardo', 'ricardo'],
  ['james', 'jim', 'jimmy', 'jamie', 'giacomo', 'jacques', 'sjaak'],
  ['michael', 'mike', 'mick', 'mickey', 'michiel', 'michel'],
  ['david', 'dave', 'davy', 'davide'],
  ['thomas', 'tom', 'tommy', 'tommaso', 'thom'],
  ['christopher', 'chris', 'kit', 'christophe', 'christoph', 'cristoforo'],
  [
    'katherine',
    'catherine',
    'kathryn',
    'katharina',
    'caterina',
    'kate',
    'katie',
    'kathy',
    'cathy',
    'kat',
    'katja',
    'catharina',
    'trijntje',
  ],
  ['elizabeth', 'elisabeth', 'elisabetta', 'liz', 'lizzie', 'beth', 'betty', 'elise', 'lisa', 'liesbeth', 'els'],
  ['margaret', 'maggie', 'meg', 'peggy', 'margarete', 'margherita', 'marguerite', 'greta', 'grete'],
  ['alexander', 'alex', 'alexandre', 'alessandro', 'sandro', 'sascha', 'sasha', 'xander', 'lex'],
  ['andrew', 'andy', 'drew', 'andreas', 'andre', 'andries', 'andi', 'dries'],
  ['anthony', 'tony', 'antonio', 'anton', 'antoine', 'toine', 'toni', 'antonius', 'toon'],
  ['joseph', 'joe', 'joey', 'josef', 'josephus', 'giuseppe', 'beppe', 'peppe', 'pino', 'sepp', 'jozef', 'joop'],
  ['stephen', 'steven', 'steve', 'stefan', 'stephan', 'stefano', 'etienne', 'stef'],
  ['benjamin', 'ben', 'benny', 'beniamino'],
  ['daniel', 'dan', 'danny', 'daan'],
  ['matthew', 'matt', 'mattia', 'matteo', 'matthias', 'mathias', 'matthijs', 'thijs', 'mathieu', 'matthieu'],
  [
    'nicholas',
    'nick',
    'nicky',
    'nicolas',
    'niccolo',
    'nicolo',
    'nikolaus',
    'nicolaas',
    'klaas',
    'claus',
    'klaus',
    'niels',
    'nico',
  ],
  ['samuel', 'sam', 'sammy', 'samuele'],
  ['patrick', 'pat', 'paddy', 'patrizio', 'patrice'],
  ['jonathan', 'jon', 'jonny'],
  ['jennifer', 'jen', 'jenny'],
  ['susan', 'sue', 'susie', 'suzanne', 'susanne', 'susanna', 'suus'],
  ['edward', 'ed', 'eddie', 'ted', 'teddy', 'edoardo', 'eduard', 'edouard'],
  ['johannes', 'johann', 'john', 'johnny', 'jack', 'jan', 'hans', 'jean', 'giovanni', 'gianni', 'johan', 'hannes'],
  ['hendrik', 'hendrikus', 'henricus', 'henk', 'henry', 'harry', 'hank', 'heinrich', 'heinz', 'henri', 'enrico', 'rik'],
  ['pieter', 'piet', 'peter', 'pierre', 'pietro', 'piero', 'petrus'],
  ['cornelis', 'kees', 'cor', 'cornelius'],
  ['friedrich', 'fritz', 'frederick', 'fred', 'freddy', 'frederic', 'federico', 'frederik', 'freek'],
  ['francesco', 'franciscus', 'franco', 'francis', 'frank', 'franz', 'francois', 'frans', 'cesco', 'checco'],
  ['luigi', 'gigi', 'louis', 'ludwig', 'lodewijk', 'luis', 'lou'],
  ['ulrich', 'uli', 'ulli'],
  ['abraham', 'bram', 'abe'],
  ['gustaaf', 'guus', 'gustav', 'gustave', 'gustavo'],
  ['stephanie', 'steffi', 'stefanie', 'stefania', 'fanny'],
  ['juergen', 'jurgen', 'jorg', 'joerg', 'georg', 'george', 'giorgio', 'georges', 'joris', 'sjors'],
  ['helene', 'helena', 'elena', 'lena', 'leni'],
  ['giovanna', 'jeanne', 'johanna', 'joanna', 'hanna', 'hannah', 'jana', 'joan', 'jeannette', 'hanneke'],
  ['charles', 'charlie', 'chuck', 'carl', 'karl', 'karel', 'carlo', 'carlos'],
  ['lawrence', 'laurence', 'larry', 'lorenzo', 'laurens', 'lorenz', 'laurent'],
  ['leonard', 'len', 'lenny', 'leo', 'leonardo', 'leonhard'],
  ['gerard', 'gerardus', 'gerald', 'gerry', 'jerry', 'gerardo', 'gerhard', 'gert', 'gerrit'],
  ['raymond', 'ray', 'raimondo', 'raimund'],
  ['ronald', 'ron', 'ronnie'],
  ['donald', 'don', 'donnie'],
  ['timothy', 'tim', 'timmy', 'timo', 'timoteo', 'timothee'],
  ['kenneth', 'ken', 'kenny'],
  ['gregory', 'greg', 'gregor', 'gregorio', 'gregoire'],
  ['jeffrey', 'jeff', 'geoffrey', 'geoff'],
  ['alfred', 'alf', 'alfie', 'alfredo'],
  ['arthur', 'art', 'arturo', 'artur'],
  ['walter', 'walt', 'wally', 'gualtiero', 'wouter'],
  ['eugene', 'gene', 'eugenio', 'eugen'],
  ['nathaniel', 'nathan', 'nate'],
  ['theodore', 'theo', 'theodor', 'theodorus', 'teodoro', 'dorus'],
  ['vincent', 'vince', 'vincenzo'],
  ['philip', 'phil', 'philipp', 'philippe', 'filippo', 'flip'],
  ['patricia', 'patty', 'trish', 'tricia', 'patrizia'],
  ['rebecca', 'becky', 'becca'],
  ['deborah', 'debbie', 'debby'],
  ['victoria', 'vicky', 'viktoria', 'vittoria'],
  ['jacobus', 'jacob', 'jakob', 'jaap', 'koos', 'kobus'],
  ['adrianus', 'adriaan', 'adrian', 'arie', 'adriano', 'adrien'],
  ['bernhard', 'bernardus', 'bernd', 'bernard', 'bernardo', 'bernie'],
  ['reinhard', 'reiner', 'rainer', 'reinier'],
  ['rudolf', 'rudi', 'rudy', 'rodolfo', 'rodolphe', 'ruud'],
  ['konrad', 'conrad', 'corrado'],
  ['dominique', 'dominik', 'dominic', 'domenico'],
  ['emmanuel', 'manu', 'emanuele', 'emanuel'],
  ['sebastien', 'sebastian', 'sebastiano', 'bastian', 'basti'],
  ['maximilian', 'max', 'maximilien', 'massimiliano'],
  ['raphael', 'rafael', 'raffaele'],
  ['salvatore', 'toto', 'turi'],
  ['martin', 'martinus', 'maarten', 'martino', 'tinus'],
  ['wolfgang', 'wolf', 'wolfi'],
  ['isabelle', 'isabel', 'isabella', 'isa'],
  ['francoise', 'franziska', 'franca'],
];

/** Folded given name → canonical form of its group (built once). */
export const NICKNAME_CANON: ReadonlyMap<string, string> = (() => {
  const out = new Map<string, string>();
  for (const group of GROUPS) {
    for (const variant of group) {
      if (!out.has(variant)) out.set(variant, group[0]);
    }
  }
  return out;
})();

/** Canonical form of a folded given name: its group's first entry, or the name itself. */
export function canonicalGivenName(folded: string): string {
  return NICKNAME_CANON.get(folded) ?? folded;
}
