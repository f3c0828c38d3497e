# The approaches pages are tagged with are the main language's (translations show on the explainer).

import core.models.approaches
import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0010_translatable_approaches'),
        ('team', '0002_telehealth'),
    ]

    operations = [
        migrations.AlterField(
            model_name='teammemberpage',
            name='approaches',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='The approaches of the spectrum this clinician works with.', limit_choices_to=core.models.approaches.in_main_language, related_name='team_members', to='core.approach'),
        ),
    ]
