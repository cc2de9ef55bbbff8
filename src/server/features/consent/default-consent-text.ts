// KetaCare's default informed-consent text, written by the KetaCare team from the facts in
// clinical-reference.md §2, §3 and §7. A clinic should have its own clinicians and lawyers review
// it and publish its own version; every version is kept.

export const defaultConsentTitle = 'Consent to ketamine treatment for depression'

export const defaultConsentBody = `This form explains the treatment you are being offered so that you can decide whether to go ahead. Please read it, ask any questions you have, and sign only when you are satisfied with the answers.

1. What the treatment is
Ketamine is a medicine first used as an anaesthetic. At much lower doses it is used to treat depression that has not improved after other treatments. In this clinic it is given either as a slow infusion into a vein (racemic ketamine, usually over about 40 minutes) or as a nasal spray (esketamine). Using IV ketamine for depression is an "off-label" use: it is supported by research studies and expert consensus but is not an approved use on the product label in every country.

2. How it is thought to work
Ketamine blocks a receptor in the brain called the NMDA receptor. This is followed by a brief increase in a chemical messenger, glutamate, which is thought to help brain cells form new connections. Researchers believe this may be why some people feel better within hours. This explanation is still being studied and is not fully understood.

3. What benefit you might expect
Many people with hard-to-treat depression improve after a course of treatment, some within a day. The benefit is not guaranteed: some people do not improve at all, and for many people the improvement fades after days or weeks, so further treatments may be discussed. If you have not improved after about three treatments, your prescriber will review whether to continue.

4. Side effects and risks
During and shortly after a treatment you may feel unusual or "unreal", detached from your body or surroundings (dissociation); feel dizzy, drowsy or confused; have nausea or vomit; have blurred vision or a headache; or feel anxious. These effects usually wear off within a couple of hours. Ketamine raises blood pressure and heart rate for a while; your blood pressure will be checked before, during and after each treatment, and the treatment may be paused or stopped if it rises too far. Rarely, breathing can slow or you may become very sedated, which is why you are monitored throughout.

5. Misuse and dependence
Ketamine is a controlled substance because it can be misused. Repeated use can lead to tolerance and dependence. Heavy, frequent non-medical use has caused serious bladder damage. You will be asked about urinary symptoms and about other substance use at your visits. Ketamine is never given to take home.

6. Supervision and safety rules
Every dose is given in this clinic under the supervision of trained staff, and you will be observed until you are ready to leave (for esketamine, at least two hours). You must have a responsible adult to take you home. You must not drive, operate machinery or make important decisions until the next day after a night's sleep. Tell us about every medicine you take, and whether you are or could be pregnant or are breastfeeding.

7. What is not known
Most research has followed people for weeks or months. The effects of repeated treatment over many months or years are not fully known.

8. Other options
Other treatments for depression include other medicines, psychotherapy, electroconvulsive therapy (ECT) and other brain-stimulation treatments. Your prescriber can discuss these with you.

9. Your right to stop
Taking part is your choice. You may refuse or stop the treatment at any time, including during a session, without it affecting the rest of your care. You can withdraw this consent by telling the clinic.

By signing, I confirm that I have read this form (or had it read to me), that I have had the chance to ask questions and had them answered, and that I agree to receive ketamine treatment at this clinic.`
