// KetaCare's default informed-consent text, written by the KetaCare team from the facts in
// clinical-reference.md §2, §3 and §7. A clinic should have its own clinicians and lawyers review
// it and publish its own version; every version is kept.

export const defaultConsentTitle = 'Consent to ketamine treatment for depression'

export const defaultConsentBody = `This form tells you about the treatment we offer, so you can decide if you want it. Please read it and ask us anything. Sign only when all your questions have been answered.

1. What the treatment is
Ketamine is a medicine. It was first used to put people to sleep for surgery. In much smaller doses, it is used for depression that has not gotten better with other treatments. Here it is given in one of two ways. One is a slow drip into a vein, usually over about 40 minutes (an IV infusion of ketamine). The other is a nasal spray (esketamine). In the US, the FDA has approved the nasal spray for depression. It has not approved ketamine in a vein for depression. This is called "off-label" use. Doctors use it this way based on research and expert advice.

2. How it may work
Ketamine blocks a part of brain cells called the NMDA receptor. This leads to a short rise in a brain messenger called glutamate. That rise may help brain cells build new links. This may be why some people feel better within hours. Scientists are still studying this, and no one fully understands it yet.

3. How it may help
Many people with hard-to-treat depression feel better after a course of treatment. Some feel better within a day. But it does not help everyone. Some people do not get better at all. For many people, the good effect fades after days or weeks, so more treatments may be talked about. If you are not better after about three treatments, your prescriber will look at whether to go on.

4. Side effects and risks
During a treatment and for a short time after it, you may feel strange or unreal, or far away from your body or the room around you. Doctors call this dissociation. You may feel dizzy, sleepy or mixed up. You may feel sick to your stomach or throw up. You may have blurry vision or a headache, or feel anxious. These effects usually wear off within a couple of hours.
Ketamine raises your blood pressure and heart rate for a while. We check your blood pressure before, during and after each treatment. We may pause or stop the treatment if it goes up too much. In rare cases, your breathing can slow down, or you can become very sleepy. That is why staff watch you the whole time.

5. Misuse and dependence
Ketamine is a controlled drug, because some people misuse it. Using it again and again can lead to needing more of it to get the same effect, and to depending on it. Heavy use outside of medical care has caused serious harm to the bladder. At your visits we will ask about problems when you pee, and about alcohol and other drugs. You will never be given ketamine to take home.

6. Safety rules
Every dose is given here in the clinic, and trained staff watch over you. You stay until you are ready to leave. With the nasal spray, you stay for at least two hours. An adult must take you home. Do not drive, use machines, or make big choices until the next day, after a full night of sleep. Tell us about every medicine you take. Tell us if you are pregnant, could be pregnant, or are breastfeeding.

7. What we do not know
Most studies followed people for weeks or months. No one knows yet all the effects of treatment that goes on for many months or years.

8. Other choices
There are other treatments for depression. They include other medicines, talk therapy, ECT (a treatment that uses a small electric current in the brain while you are asleep), and other kinds of brain stimulation. Your prescriber can talk with you about them.

9. Your right to stop
It is your choice to take part. You may say no, or stop at any time, even during a treatment. This will not change the rest of your care. You can take back this consent at any time by telling the clinic.

When I sign, I confirm that I have read this form, or had it read to me. I have had the chance to ask questions, and my questions were answered. I agree to have ketamine treatment at this clinic.`
