# The approaches pages are tagged with are the main language's (translations show on the explainer).

import core.models.approaches
import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0010_translatable_approaches'),
        ('resources', '0005_naloxone_block_us_spelling'),
    ]

    operations = [
        migrations.AlterField(
            model_name='resourcepage',
            name='approaches',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='The points on the spectrum this resource serves.', limit_choices_to=core.models.approaches.in_main_language, related_name='resources', to='core.approach'),
        ),
    ]
