/* sf-checklist-strings.c: every text of data/checklists.json, marked for
 * translation so that xgettext finds them.  Keep in step with the data:
 * tests/test-checklist.c fails when a text is missing here.  The Danish
 * translations are the wording of the guidance the templates come from. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sf-checklist.h"

static const char * const strings[] = {
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Management considerations when setting caseloads"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("When setting the number of cases per caseworker, the following management questions can be used as a basis:"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Should all caseworkers have the same number of cases regardless of the complexity of the cases and the caseworkers’ experience, situation and interest?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Which tasks must the caseworkers carry out in the casework?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("The number of cases per employee will, for example, typically differ between teams if the municipality has chosen a division into a reception team, a team for child welfare investigations and one or more intervention teams."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("What are the expectations of how the cases are to be worked on?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("If the municipality has, for example, chosen an organisation and planning of work with increased focus on preventive efforts, frequent contact and close follow-up, this will typically require more time for handling each case, and that each caseworker has fewer cases than traditionally. A focus on earlier preventive efforts will, however, typically require measures across casework, the range of services and the link to the universal services. The number of cases will thus not stand alone in the work of ensuring earlier preventive efforts in the municipality."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("When the number of cases per employee is changed to a lower number than the municipality has had so far, it is advisable to set clear professional goal markers for what this is to result in."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Professional goal markers for lower caseloads"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("The authority casework must step in early and systematically when there are signs of a child’s lack of well-being and development, through close interplay with the actors in the universal services."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Depends on how the municipality is organised at the interface between the universal services and the authority area."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("The system of the casework must ensure that all cases are followed closely, so that problems can be tackled before they escalate, and support progression and the possibility of continuously adjusting the course as the child develops and as the intervention produces results."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Systematic mapping and involvement of the whole network and the resource persons around the child and family must ensure that the network around the child is used actively to create new solutions and to support an everyday environment for the child."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("What to weigh when a caseload is set"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("What an appropriate caseload is will always depend on a number of different factors in the individual project or the individual municipality. The main thing is that the employee’s workload and caseload match and allow close contact with the citizen. When the employees’ caseload is set, it should therefore be carefully considered:"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("How many roles must the employee fill in relation to the citizen?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Is the employee, for example, both mentor and company consultant (job broker)? Or is the employee mentor, company consultant and authority caseworker all at once?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Which specific tasks does filling these roles involve?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("How are the tasks best organised?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("How large a geographical area must the employee cover?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Work procedures"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("The work procedures must support a good common professional practice that lives up to legislation and political goals, knowledge of good social work practice, efficient use of resources etc."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("The frames for the work procedures"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("What do the guidelines require of the individual parts of the casework?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Do we have knowledge of good casework that is not part of the guidelines and that matters for the work procedures?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Which tasks are there in the different teams, and which transitions in the casework does the team organisation give rise to?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Which requirements for the work procedures must be met for the case management system to support the casework best?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Is work being done twice, or are there unnecessary checks?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Are there other matters the work procedures must support?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Writing the work procedures"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("When writing the work procedures, it is a good idea to follow different standardised case types through the course of the casework, from the opening of a case to the follow-up on the intervention and the closing of the case."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("For each element of the casework, describe what must be done and who does it."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("For the transitions between steps in the casework or between teams, describe how the transition is to happen and who is responsible for it happening."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("The description of the work procedures can usefully also show how the IT system supports the individual elements of the casework, and what must be documented in the IT system."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Are templates needed to support the work procedures, and can they be built into the IT system?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Or are there templates in the IT system that can help support the casework, and that therefore call for particular work procedures?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("The work procedures are documented in writing, preferably on an IT-based platform that everyone who needs it has access to."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Consider whether the case management system can handle this task."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Implementing the work procedures"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Once the work procedures are written, they must be implemented in the work in the area, in the individual teams and by the individual caseworker. During implementation it is particularly important to pay attention to:"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("How do we make sure that everyone shares an understanding of the purpose of the work procedures and of how they are to be used?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Is the IT system ready to support the work procedures, and what are the work procedures until the IT support is in place?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("In which forums are the work procedures discussed?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("How do all caseworkers learn about the new work procedures, and what they mean for each person’s work?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Evaluating practice and work procedures"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Once the work procedures are implemented, it must be ensured both that they are followed and that they continue to serve their purpose."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("It is a good idea to draw up specific points for follow-up."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("The points mark the crucial tasks and measures in the work procedure descriptions that management and employees must follow up on continuously, so that the new work procedure descriptions are implemented."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("The continuous follow-up on whether the work procedures are followed can usefully take place through case reviews, management supervision etc."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("When new or changed work procedures are introduced, particular attention is needed to whether they are followed in practice. This can be done, for example, by continuously talking about the work procedures when cases are handed over between teams or caseworkers, and by making compliance with the work procedures a fixed element of the dialogue about the individual cases."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("The work procedures themselves should also be evaluated at regular intervals as to whether they still serve their purpose, and whether they still support good and efficient casework as well as possible."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Points for follow-up"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Follow-up is not a one-off event but a continuous process, which gives early indications of whether one is on the right track and thereby helps management and employees to step in where the need is greatest for the new work procedure descriptions to be implemented successfully."),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Has new legislation, policy etc. arrived that matters for the work procedures?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Have there been changes in the organisation of the casework, or with those we work with in the casework, that matter for the work procedure?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Are there parts of the work procedures that are difficult to follow in practice?"),
  /* Translators: from a checklist template; use the wording of the Danish guidance */
  N_("Are there inappropriate elements in the work procedure that hinder efficiency in the casework and that do not matter for quality?"),
};

/* The texts above, in the order of the data. */
const char * const *
sf_checklist_template_strings (guint *n_strings)
{
  *n_strings = G_N_ELEMENTS (strings);
  return strings;
}
