import assert from 'node:assert/strict';
import { actionParent } from '../../../server/src/service/prose/expectation';

describe('prose: whose expectation an action is', () => {
  const rows: { owner?: string; action: string; parent: string | undefined }[] = [
    { owner: 'Mother', action: 'Engage with services', parent: 'Mother' },
    { owner: 'Mum', action: 'Engage with services', parent: 'Mum' },
    { owner: 'Parents', action: 'Attend contact', parent: 'Parents' },
    { owner: 'Mother and Father', action: 'Attend contact', parent: 'Mother and Father' },
    { owner: 'Step-dad', action: 'Attend contact', parent: 'Step-dad' },
    { owner: 'Foster carer', action: 'Engage with services', parent: undefined },
    { owner: 'Foster parents', action: 'Engage with services', parent: undefined },
    { owner: 'Ms A', action: 'Engage with services', parent: undefined },
    { owner: "Mother's partner", action: 'Engage with services', parent: undefined },
    { owner: 'Maternal grandmother', action: 'Engage with services', parent: undefined },
    { action: 'Mother to engage with services', parent: 'Mother' },
    { action: 'Father should attend the group', parent: 'Father' },
    { action: 'The parents will attend', parent: 'parents' },
    { action: 'It is recommended that the mother attends the family hub', parent: 'mother' },
    { action: 'The mother requires 12-18 months of therapy', parent: 'mother' },
    { action: 'Mother and father to attend contact', parent: 'Mother and father' },
    { action: 'Social worker to support Mother to attend', parent: undefined },
    { action: 'Foster parents to take J to contact', parent: undefined },
    { action: "Mother's partner to leave the home", parent: undefined },
    { owner: 'Social worker', action: 'Refer the family to the hub', parent: undefined },
    // whose parent, and someone asking the parent to act (issue 9: expectations written as actions)
    { action: "J's mother to attend the parenting course", parent: 'mother' },
    { action: "The children's father will attend the drug service", parent: 'father' },
    { action: 'The local authority expects the mother to attend every core group', parent: 'mother' },
    { action: 'The Guardian asks both parents to stop arguing in front of J', parent: 'parents' },
    { action: 'The local authority expects the social worker to visit weekly', parent: undefined },
    { action: "Mother's partner's father to leave the home", parent: undefined },
    // a recommendation reporting what a court told a parent to do
    { action: 'The court ordered Mother to undergo a psychological evaluation', parent: 'Mother' },
    { action: 'The juvenile court required both parents to undergo drug testing', parent: 'parents' },
    { action: 'At the hearing the mother was ordered to obtain housing and income', parent: 'mother' },
    // an unowned recommendation about a parent, whoever requires it; not one another actor opens
    { action: 'At the disposition hearing the mother and the father must each attend a parenting course', parent: 'mother' },
    // … but a parent who is someone else's object is a professional's task
    { action: 'At the hearing the court ordered reunification services for both parents, including random drug testing', parent: undefined },
    { action: 'Parenting assessment of mother to be completed by 1 March', parent: undefined },
    { action: 'Consider a referral for mother to the perinatal mental health team', parent: undefined },
    { action: 'Explore whether father can be assessed as a carer', parent: undefined },
    // "for" opening the parent's own infinitive makes the parent the one to act; done to the parent, it does not
    { action: "The court adopted the Agency's recommendations for the father to undergo drug testing and treatment", parent: 'father' },
    { action: 'Consider funding for mother to be assessed at a residential unit', parent: undefined },
    { action: 'Make a referral for father to Turning Point', parent: undefined },
    { action: 'Arrange transport for mother to contact every Saturday', parent: undefined },
    { action: 'Apply for mother to receive Universal Credit', parent: undefined },
    { action: 'LA to arrange contact for Mother every Saturday', parent: undefined },
    { action: '…the order requiring her to submit to random drug testing and rehabilitation', parent: 'her' },
    { action: 'The court ordered him to be placed with his grandmother', parent: undefined },
    // a pronoun opening an unowned recommendation that is told to act; not one told to be or have something
    { action: 'They are required to engage in joint co-parenting counselling', parent: 'They' },
    { action: 'She was also ordered to cooperate with the family support worker', parent: 'She' },
    { action: 'He was ordered to be assessed by a psychologist', parent: undefined },
    { action: 'They are expected at the review on 3 March', parent: undefined },
    { action: "Contact with mother's partner's father to stop", parent: undefined },
    // an owned action is its owner's, wherever a parent is told to act in it
    { owner: 'Social worker', action: 'Make sure the mother is asked to attend the group', parent: undefined },
  ];
  for (const r of rows) {
    it(`${r.owner ? `owner ${r.owner}: ` : ''}${r.action} → ${r.parent ?? 'not a parent'}`, () => {
      assert.equal(actionParent(r.owner, r.action), r.parent);
    });
  }
});
